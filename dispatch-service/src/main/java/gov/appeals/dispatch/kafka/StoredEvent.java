package gov.appeals.dispatch.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

import gov.appeals.events.AppealEvent;
import gov.appeals.events.EventCodec;
import gov.appeals.events.EventEnvelope;

/**
 * An event as dispatch keeps it in an assignment document: the outbox entries waiting for the relay, and the
 * routing decision returned again when Kafka redelivers the acceptance that caused it.
 *
 * @param payload the event's JSON, kept as text so the document stays readable
 * @param headers the CloudEvents headers, fixed when the event was created so a re-send is byte-for-byte the same
 */
public record StoredEvent(String eventId, String appealId, String topic, String type, String payload,
                          Map<String, String> headers, Instant createdAt) {

    public static StoredEvent of(AppealEvent event, Instant now) {
        EventEnvelope envelope = EventEnvelope.of(event, EventMessages.SOURCE);
        return new StoredEvent(event.eventId(), envelope.key(), envelope.topic(), event.type(),
                new String(envelope.payload(), StandardCharsets.UTF_8), envelope.headers(), now);
    }

    public EventEnvelope envelope() {
        return new EventEnvelope(appealId, topic, headers, payload.getBytes(StandardCharsets.UTF_8));
    }

    public AppealEvent event() {
        return EventCodec.decode(type, payload.getBytes(StandardCharsets.UTF_8))
                .orElseThrow(() -> new IllegalStateException("Stored event " + eventId + " has unknown type " + type));
    }
}
