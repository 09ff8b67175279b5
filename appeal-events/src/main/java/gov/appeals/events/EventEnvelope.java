package gov.appeals.events;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An event ready for Kafka, independent of any client library: the key (appeal id), the topic, the CloudEvents
 * headers and the JSON payload. Adapters copy these into their client's record or message.
 */
public record EventEnvelope(String key, String topic, Map<String, String> headers, byte[] payload) {

    public EventEnvelope {
        headers = Map.copyOf(headers);
    }

    /**
     * @param producer the CloudEvents {@code source} of the producing service, e.g. {@code /appeals/dispatch-service}
     */
    public static EventEnvelope of(AppealEvent event, String producer) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_VALUE);
        headers.put(CloudEventHeaders.ID, event.eventId());
        headers.put(CloudEventHeaders.SOURCE, producer);
        headers.put(CloudEventHeaders.TYPE, event.type());
        headers.put(CloudEventHeaders.SUBJECT, event.appealId());
        headers.put(CloudEventHeaders.TIME, event.occurredAt().toString());
        headers.put(CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
        return new EventEnvelope(event.appealId(), event.topic(), headers, EventCodec.encode(event));
    }
}
