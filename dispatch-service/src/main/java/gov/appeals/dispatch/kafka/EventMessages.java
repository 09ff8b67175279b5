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

    public static String type(Message<?> message) {
        return CloudEventHeaders.typeOf(message.getHeaders());
    }

    public static Message<byte[]> toMessage(EventEnvelope envelope) {
        MessageBuilder<byte[]> builder = MessageBuilder.withPayload(envelope.payload());
        envelope.headers().forEach(builder::setHeader);
        return builder.setHeader(KafkaHeaders.KEY, envelope.key().getBytes(StandardCharsets.UTF_8)).build();
    }
}
