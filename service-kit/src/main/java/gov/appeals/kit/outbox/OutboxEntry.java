package gov.appeals.kit.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

import gov.appeals.kit.messaging.CloudEvents;

/**
 * An event waiting in its aggregate's document to be published: everything the relay needs, fixed when the event
 * was created, so that a re-sent event is byte for byte the same (same id, headers and payload), even when another
 * instance sends it after a crash.
 *
 * @param key     the record key (the aggregate's id: every event of one aggregate on one partition, in order)
 * @param payload the event's JSON, kept as text so that the document stays readable
 * @param headers the CloudEvents attributes as Kafka headers
 */
public record OutboxEntry(String eventId, String key, String topic, String type, String payload,
                          Map<String, String> headers, Instant createdAt) {

    public OutboxEntry {
        headers = Map.copyOf(headers);
    }

    /** An entry for an event already encoded as key, topic, CloudEvents headers and payload. */
    public static OutboxEntry of(String key, String topic, Map<String, String> headers, byte[] payload,
                                 Instant createdAt) {
        return new OutboxEntry(CloudEvents.attribute(headers, CloudEvents.ID),
                key, topic, CloudEvents.attribute(headers, CloudEvents.TYPE),
                new String(payload, StandardCharsets.UTF_8), headers, createdAt);
    }

    public byte[] payloadBytes() {
        return payload.getBytes(StandardCharsets.UTF_8);
    }
}
