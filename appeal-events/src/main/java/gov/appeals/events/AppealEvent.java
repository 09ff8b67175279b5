package gov.appeals.events;

import java.time.Instant;

/**
 * A stage change of one appeal. Every event is an immutable record with a CloudEvents type that carries its
 * version ({@code gov.appeals.AppealAccepted.v1}); additive changes keep the version, breaking ones add a new type.
 *
 * <p>{@link #version()} numbers the events of one appeal: the producer of a stage change sets it to one more than
 * the highest version it has seen for that appeal. Because each stage is caused by the one before it (an appeal is
 * signed only after it was assigned), this is the order in which they happened, which is also the order in which
 * they stand on the appeal's partition of {@link Topics#EVENTS}. Together with
 * {@link #eventId()} it is also the idempotency key: an event delivered twice changes nothing the second time.
 *
 * <p>Alarms, supervision, extension, hotspot, co-handling input, consultation and notification events ({@link #isStageChange()} false) are notes on the stage the
 * appeal is in: they carry that stage's version and status instead of a new one, because they can happen at any
 * moment, concurrently with a department's stage change, and must never outrank it.
 */
public sealed interface AppealEvent
        permits AppealAccepted, AppealAssigned, AppealSentToTriage, AppealSigned, AppealResponded, AppealRated,
        AppealReopened, AppealClosed, AppealDueSoon, AppealOverdue, SupervisionOrderRaised, SupervisionOrderClosed,
        ExtensionRequested, ExtensionDecided, HotspotFormed, AppealReturned, CoHandlerInputPosted,
        ConsultationRequested, ConsultationAnswered, AppealNotified {

    /** Unique id of this event (the CloudEvents {@code id}); a re-sent event keeps its id. */
    String eventId();

    AppealRef appeal();

    /** Position of this stage change in the appeal's history, 1 for the acceptance. */
    int version();

    Instant occurredAt();

    /** Who caused it: {@code hotline}, {@code staff:<name>}, {@code triage:<name>}, {@code system:<service>}. */
    String actor();

    /** The department the stage concerns, or null when none does (acceptance, rating). */
    String department();

    /** The CloudEvents type, e.g. {@code gov.appeals.AppealSigned.v1}. */
    String type();

    /** The topic the event is published on: every event of every appeal goes to one, keyed by the appeal id. */
    default String topic() {
        return Topics.EVENTS;
    }

    /** The status the appeal has once this event happened. */
    AppealStatus status();

    /** Whether this event moves the appeal to a new stage (and a new version). */
    default boolean isStageChange() {
        return true;
    }

    default String appealId() {
        return appeal().appealId();
    }
}
