package gov.appeals.dispatch.routing.kafka;

import java.time.Clock;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;

import gov.appeals.dispatch.kafka.EventMessages;
import gov.appeals.dispatch.kafka.StoredEvent;
import gov.appeals.dispatch.queue.Assignment;
import gov.appeals.dispatch.queue.Transition;
import gov.appeals.dispatch.queue.store.AssignmentDocument;
import gov.appeals.dispatch.queue.store.AssignmentStore;
import gov.appeals.dispatch.routing.RoutingRules;
import gov.appeals.events.AppealAccepted;
import gov.appeals.events.AppealEvent;

/**
 * Routes each accepted appeal: stores the assignment, then returns the routing event for the binder to publish on
 * appeals.assigned. A redelivered acceptance finds the stored assignment and gets the same event (same id) back.
 */
@Component
public class AcceptedAppealRouter {

    private static final Logger log = LoggerFactory.getLogger(AcceptedAppealRouter.class);

    private final RoutingRules rules;
    private final AssignmentStore store;
    private final Clock clock;

    public AcceptedAppealRouter(RoutingRules rules, AssignmentStore store, Clock clock) {
        this.rules = rules;
        this.store = store;
        this.clock = clock;
    }

    /** @return the routing event, or null (nothing to publish) for an event type this service does not route */
    public Message<byte[]> route(Message<byte[]> message) {
        AppealEvent event = EventMessages.decode(message).orElse(null);
        if (!(event instanceof AppealAccepted accepted)) {
            log.debug("Skipping {} on appeals.accepted: not an acceptance this contract knows",
                    EventMessages.type(message));
            return null;
        }
        StoredEvent routed = routedEvent(accepted);
        log.info("Appeal {} routed: {} {}", accepted.appealId(), routed.type(), routed.eventId());
        return EventMessages.toMessage(routed.envelope());
    }

    // Imperative on purpose: this runs on the binder's listener thread, where waiting for MongoDB keeps the binder's
    // retries and dead-lettering, and the event must be stored before it is returned for publishing.
    private StoredEvent routedEvent(AppealAccepted accepted) {
        AssignmentDocument existing = store.find(accepted.appealId()).block();
        if (existing != null) {
            return existing.routingEvent();
        }
        Transition transition = Assignment.route(accepted,
                rules.route(accepted.category(), accepted.street()), UUID.randomUUID().toString(), clock.instant());
        StoredEvent event = StoredEvent.of(transition.event(), clock.instant());
        try {
            return store.insertRouted(transition.after(), event).block().routingEvent();
        } catch (DuplicateKeyException concurrentRedelivery) {
            return store.find(accepted.appealId()).block().routingEvent();
        }
    }
}
