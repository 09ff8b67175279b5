package gov.appeals.notification.messaging;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.springframework.messaging.Message;

import gov.appeals.events.AppealEvent;
import gov.appeals.events.CloudEventHeaders;
import gov.appeals.events.EventCodec;

/** Reads an event off a Kafka message in CloudEvents binary mode. */
final class IncomingEvents {

    private IncomingEvents() {
    }

    /** @return the event, or empty when its type is one the contract does not know (a newer producer's) */
    static Optional<AppealEvent> decode(Message<byte[]> message) {
        return EventCodec.decode(type(message), message.getPayload());
    }

    /** The binder's header mapper hands over headers it does not know as raw bytes, those it wrote itself as text. */
    static String type(Message<byte[]> message) {
        Object type = message.getHeaders().get(CloudEventHeaders.TYPE);
        if (type instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        return type == null ? null : type.toString();
    }
}
