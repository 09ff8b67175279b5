package gov.appeals.intake.appeal.store;

import java.time.Instant;

import gov.appeals.events.AppealEvent;
import gov.appeals.events.EventEnvelope;
import gov.appeals.kit.outbox.OutboxEntry;

/** Intake's events as outbox entries, with intake as their CloudEvents source. */
public final class Outbox {

    public static final String PRODUCER = "/appeals/appeal-intake";

    private Outbox() {
    }

    public static OutboxEntry entry(AppealEvent event, Instant now) {
        EventEnvelope envelope = EventEnvelope.of(event, PRODUCER);
        return OutboxEntry.of(envelope.key(), envelope.topic(), envelope.headers(), envelope.payload(), now);
    }
}
