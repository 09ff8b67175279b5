package gov.appeals.intake.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

import gov.appeals.events.AppealEvent;
import gov.appeals.events.EventEnvelope;

/**
 * An event waiting in its appeal's document to be published: everything the relay needs, so that publishing never
 * re-derives an event (a re-sent event keeps its id, headers and payload).
 *
 * @param payload the event JSON exactly as {@code EventCodec} wrote it
 */
public record OutboxEntry(String eventId, String topic, String type, String key, String payload,
                          Map<String, String> headers, Instant createdAt) {

    public static final String PRODUCER = "/appeals/appeal-intake";

    public static OutboxEntry of(AppealEvent event, Instant now) {
        EventEnvelope envelope = EventEnvelope.of(event, PRODUCER);
        return new OutboxEntry(event.eventId(), envelope.topic(), event.type(), envelope.key(),
                new String(envelope.payload(), StandardCharsets.UTF_8), envelope.headers(), now);
    }
}
