package gov.appeals.notification.messaging;

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

    static String type(Message<byte[]> message) {
        return CloudEventHeaders.typeOf(message.getHeaders());
    }
}
