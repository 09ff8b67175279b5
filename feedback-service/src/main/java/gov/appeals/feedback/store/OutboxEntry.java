package gov.appeals.feedback.store;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

import gov.appeals.events.AppealEvent;
import gov.appeals.events.EventEnvelope;
import gov.appeals.feedback.messaging.EventMessages;

/**
 * An event waiting in a case's {@code outbox} to be published: everything needed to send it again as it was first
 * built (same id, same headers), even by another instance after a crash.
 *
 * @param payload the event's JSON
 */
public record OutboxEntry(String eventId, String key, String topic, String type, String payload,
                          Map<String, String> headers, Instant createdAt) {

    public static OutboxEntry of(AppealEvent event, Instant createdAt) {
        EventEnvelope envelope = EventMessages.envelope(event);
        return new OutboxEntry(event.eventId(), envelope.key(), envelope.topic(), event.type(),
                new String(envelope.payload(), StandardCharsets.UTF_8), envelope.headers(), createdAt);
    }

    public byte[] payloadBytes() {
        return payload.getBytes(StandardCharsets.UTF_8);
    }
}
