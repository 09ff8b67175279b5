package gov.appeals.dispatch.queue.kafka;

import java.util.Optional;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import gov.appeals.dispatch.kafka.EventMessages;
import gov.appeals.dispatch.queue.Assignment;
import gov.appeals.dispatch.queue.store.AssignmentDocument;
import gov.appeals.dispatch.queue.store.AssignmentStore;
import gov.appeals.dispatch.queue.store.AssignmentStore.Change;
import gov.appeals.events.AppealEvent;

/**
 * Keeps the queues in step with later stages other services announce on appeals.lifecycle: answered appeals leave
 * the queue, reopened ones come back to the lead, closed ones are done.
 */
@Configuration(proxyBeanMethods = false)
public class LifecycleFollower {

    private static final Logger log = LoggerFactory.getLogger(LifecycleFollower.class);

    private final AssignmentStore store;

    public LifecycleFollower(AssignmentStore store) {
        this.store = store;
    }

    /** appeals.lifecycle (binding followLifecycle-in-0). */
    @Bean
    public Consumer<Message<byte[]>> followLifecycle() {
        return message -> EventMessages.decode(message).ifPresentOrElse(this::follow,
                () -> log.debug("Skipping unknown event type {} on appeals.lifecycle", EventMessages.type(message)));
    }

    // Runs on the binder's listener thread: waiting for MongoDB there keeps the binder's retries and dead-lettering.
    private void follow(AppealEvent event) {
        store.change(event.appealId(), document -> decide(document, event)).block();
    }

    private Optional<Change> decide(AssignmentDocument document, AppealEvent event) {
        if (document.appliedEventIds().contains(event.eventId())) {
            return Optional.empty();
        }
        Optional<Assignment> after = document.assignment().follow(event);
        if (after.isEmpty()) {
            log.debug("Appeal {}: {} v{} is not newer than v{}, ignored", event.appealId(), event.type(),
                    event.version(), document.assignment().version());
        }
        return after.map(next -> Change.following(next, event.eventId()));
    }
}
