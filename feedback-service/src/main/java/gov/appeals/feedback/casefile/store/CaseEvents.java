package gov.appeals.feedback.casefile.store;

import java.time.Instant;

import gov.appeals.events.AppealEvent;
import gov.appeals.events.EventEnvelope;
import gov.appeals.kit.outbox.OutboxEntry;

/** The events feedback-service announces, as entries of the case's outbox, with this service as their source. */
public final class CaseEvents {

    /** The CloudEvents {@code source} of everything this service publishes. */
    public static final String PRODUCER = "/appeals/feedback-service";

    private CaseEvents() {
    }

    public static OutboxEntry pending(AppealEvent event, Instant now) {
        EventEnvelope envelope = EventEnvelope.of(event, PRODUCER);
        return OutboxEntry.of(envelope.key(), envelope.topic(), envelope.headers(), envelope.payload(), now);
    }
}
