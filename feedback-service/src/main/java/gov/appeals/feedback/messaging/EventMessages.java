package gov.appeals.feedback.messaging;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;

import gov.appeals.events.AppealEvent;
import gov.appeals.events.CloudEventHeaders;
import gov.appeals.events.EventEnvelope;

/** Events as Spring messages for the Kafka binder: CloudEvents headers in binary mode, appeal id as the key. */
public final class EventMessages {

    /** The CloudEvents {@code source} of everything this service publishes. */
    public static final String SOURCE = "/appeals/feedback-service";

    private EventMessages() {
    }

    public static EventEnvelope envelope(AppealEvent event) {
        return EventEnvelope.of(event, SOURCE);
    }

    public static Message<byte[]> toMessage(AppealEvent event) {
        EventEnvelope envelope = envelope(event);
        return toMessage(envelope.key(), envelope.headers(), envelope.payload());
    }

    /** The binder's key serializer takes bytes, and String header values reach Kafka as their UTF-8 bytes. */
    public static Message<byte[]> toMessage(String key, Map<String, String> headers, byte[] payload) {
        MessageBuilder<byte[]> builder = MessageBuilder.withPayload(payload);
        headers.forEach(builder::setHeader);
        return builder.setHeader(KafkaHeaders.KEY, key.getBytes(StandardCharsets.UTF_8)).build();
    }

    public static String type(Message<?> message) {
        return CloudEventHeaders.typeOf(message.getHeaders());
    }
}
