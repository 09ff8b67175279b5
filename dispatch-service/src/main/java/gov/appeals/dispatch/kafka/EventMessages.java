package gov.appeals.dispatch.kafka;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;

import gov.appeals.events.AppealEvent;
import gov.appeals.events.CloudEventHeaders;
import gov.appeals.events.EventCodec;
import gov.appeals.events.EventEnvelope;

/** Between the event contract and Spring messages on the Kafka binder. */
public final class EventMessages {

    /** The CloudEvents source of everything dispatch publishes. */
    public static final String SOURCE = "/appeals/dispatch-service";

    private static final String CANONICAL_TYPE = "ce-type";

    private EventMessages() {
    }

    /**
     * @return the event, or empty when the record's type is one this contract does not know
     * @throws IllegalArgumentException when a known type's payload is malformed (the binder retries, then
     *                                  dead-letters it)
     */
    public static Optional<AppealEvent> decode(Message<byte[]> message) {
        return EventCodec.decode(type(message), message.getPayload());
    }

    /**
     * Producers that map headers with type information give a String, plain Kafka clients raw bytes. Spring Cloud
     * Function renames CloudEvents headers to their canonical {@code ce-} form when a record carries no content type,
     * so both spellings are read.
     */
    public static String type(Message<?> message) {
        Object value = message.getHeaders().get(CloudEventHeaders.TYPE);
        if (value == null) {
            value = message.getHeaders().get(CANONICAL_TYPE);
        }
        if (value instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        return value == null ? null : value.toString();
    }

    public static Message<byte[]> toMessage(EventEnvelope envelope) {
        MessageBuilder<byte[]> builder = MessageBuilder.withPayload(envelope.payload());
        envelope.headers().forEach(builder::setHeader);
        return builder.setHeader(KafkaHeaders.KEY, envelope.key().getBytes(StandardCharsets.UTF_8)).build();
    }
}
