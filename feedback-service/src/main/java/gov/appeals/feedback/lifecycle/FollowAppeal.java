package gov.appeals.feedback.lifecycle;

import java.util.Optional;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;

import gov.appeals.events.AppealEvent;
import gov.appeals.events.EventCodec;
import gov.appeals.feedback.messaging.EventMessages;

/**
 * The binder function {@code followAppeal}: reads {@code appeals.assigned} and {@code appeals.lifecycle}, keeps the
 * case in step, and answers a rating with the AppealClosed or AppealReopened it decided (published to
 * {@code appeals.lifecycle}); every other event yields nothing (null).
 */
@Component("followAppeal")
public class FollowAppeal implements Function<Message<byte[]>, Message<byte[]>> {

    private static final Logger LOG = LoggerFactory.getLogger(FollowAppeal.class);

    private final CaseFollowUp followUp;

    public FollowAppeal(CaseFollowUp followUp) {
        this.followUp = followUp;
    }

    @Override
    public Message<byte[]> apply(Message<byte[]> message) {
        String type = EventMessages.type(message);
        Optional<AppealEvent> event = EventCodec.decode(type, message.getPayload());
        if (event.isEmpty()) {
            LOG.debug("Skipping event of unknown type {}", type);
            return null;
        }
        // This runs on the binder's Kafka listener thread, not a Reactor one: waiting for the MongoDB write here
        // means the offset is committed only after the case is stored, and a failure reaches the binder's
        // retries and dead-letter topic.
        AppealEvent announcement = followUp.follow(event.get()).block();
        if (announcement == null) {
            return null;
        }
        LOG.info("Appeal {} rated: announcing {} {}", announcement.appealId(), announcement.type(),
                announcement.eventId());
        return EventMessages.toMessage(announcement);
    }
}
