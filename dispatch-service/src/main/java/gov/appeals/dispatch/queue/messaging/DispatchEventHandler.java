package gov.appeals.dispatch.queue.messaging;

import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.messaging.Message;

import gov.appeals.dispatch.queue.Assignment;
import gov.appeals.dispatch.queue.OpenWork;
import gov.appeals.dispatch.queue.Transition;
import gov.appeals.dispatch.queue.store.AssignmentDocument;
import gov.appeals.dispatch.queue.store.AssignmentStore;
import gov.appeals.dispatch.queue.store.AssignmentStore.Change;
import gov.appeals.dispatch.routing.ActiveRules;
import gov.appeals.dispatch.routing.RoutingDecision;
import gov.appeals.dispatch.routing.RoutingRules;
import gov.appeals.events.AppealAccepted;
import gov.appeals.events.AppealAssigned;
import gov.appeals.events.AppealEvent;
import gov.appeals.events.AppealNotified;
import gov.appeals.events.AppealRated;
import gov.appeals.events.AppealReturned;
import gov.appeals.events.CoHandlerInputPosted;
import gov.appeals.events.ConsultationAnswered;
import gov.appeals.events.ConsultationRequested;
import gov.appeals.events.AppealSentToTriage;
import gov.appeals.events.AppealSigned;
import gov.appeals.events.EventCodec;
import gov.appeals.kit.messaging.EventConsumers;
import gov.appeals.kit.outbox.OutboxRelay;
import reactor.core.publisher.Mono;

/**
 * Dispatch's one consumer of {@code appeals.events} (binding {@code dispatchEvents-in-0}), which sees every event of
 * every appeal in the order it happened:
 * <ul>
 *   <li>an acceptance is routed (分派): the assignment is stored with its routing event (AppealAssigned or
 *       AppealSentToTriage) in its outbox, in one insert, and the kit's relay publishes it. A redelivered acceptance
 *       collides with the stored assignment's id and does nothing;</li>
 *   <li>later stages (responded, reopened, closed) are followed when newer than what is held and not applied
 *       before: answered appeals leave the queue, reopened ones come back to the lead, closed ones are done. A
 *       rating changes no queue and is not read;</li>
 *   <li>an approved extension (a note) moves the deadlines of the stage it annotates, and the queue order with
 *       them;</li>
 *   <li>the routing, triage, signing, return, co-handling and consultation events dispatch itself published come
 *       back here too and are ignored: the assignment already holds them.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
public class DispatchEventHandler {

    private static final Logger log = LoggerFactory.getLogger(DispatchEventHandler.class);

    private final ActiveRules rules;
    private final AssignmentStore store;
    private final OpenWork openWork;
    private final OutboxRelay relay;
    private final Clock clock;

    public DispatchEventHandler(ActiveRules rules, AssignmentStore store, OpenWork openWork, OutboxRelay relay,
                                Clock clock) {
        this.rules = rules;
        this.store = store;
        this.openWork = openWork;
        this.relay = relay;
        this.clock = clock;
    }

    @Bean
    public Consumer<Message<byte[]>> dispatchEvents(EventConsumers consumers) {
        return consumers.of(EventCodec::decode, this::handle);
    }

    Mono<?> handle(AppealEvent event) {
        if (event instanceof AppealAccepted accepted) {
            return route(accepted);
        }
        if (event instanceof AppealSentToTriage && !Assignment.ACTOR.equals(event.actor())) {
            // feedback-service's, after a third dissatisfied rating: back into the triage queue.
            return follow(event);
        }
        if (event instanceof AppealAssigned || event instanceof AppealSentToTriage || event instanceof AppealSigned
                || event instanceof AppealReturned || event instanceof CoHandlerInputPosted
                || event instanceof ConsultationRequested || event instanceof ConsultationAnswered
                || event instanceof AppealNotified) {
            log.debug("Appeal {}: {} v{} is dispatch's own or moves no queue, nothing to do", event.appealId(),
                    event.type(), event.version());
            return Mono.empty();
        }
        if (event instanceof AppealRated) {
            // A rating moves no appeal in or out of a queue; the reopening or closing it leads to does.
            return Mono.empty();
        }
        return follow(event);
    }

    /** Insert first: a redelivered acceptance (rare) meets the stored assignment's id and changes nothing. */
    private Mono<Void> route(AppealAccepted accepted) {
        return decide(accepted)
                .map(decision -> Assignment.route(accepted, decision, UUID.randomUUID().toString(), clock.instant()))
                .flatMap(this::insertRouted);
    }

    /**
     * A repeat (重复件) goes to whoever leads the appeal it repeats; when nobody does (it is in triage, or was never
     * routed here) the rules decide as for any appeal.
     */
    private Mono<RoutingDecision> decide(AppealAccepted accepted) {
        RoutingRules current = rules.current();
        Mono<RoutingDecision> byRules =
                Mono.fromSupplier(() -> current.route(Assignment.facts(accepted), Set.of()));
        if (accepted.repeatOf() == null) {
            return byRules;
        }
        return store.find(accepted.repeatOf())
                .map(AssignmentDocument::assignment)
                .filter(repeated -> repeated.lead() != null)
                .map(repeated -> (RoutingDecision) current.repeat(repeated.appeal().number(), repeated.lead(),
                        repeated.coHandlers()))
                .switchIfEmpty(byRules);
    }

    private Mono<Void> insertRouted(Transition routing) {
        return store.insertRouted(routing, clock.instant())
                .doOnNext(document -> {
                    log.info("Appeal {} routed: {} {}", document.id(), routing.event().type(),
                            routing.event().eventId());
                    openWork.put(OpenWork.Item.of(document.assignment()));
                    relay.publishSoon(document.id(), document.outbox());
                })
                .onErrorResume(DuplicateKeyException.class, redelivered -> {
                    log.debug("Appeal {} was routed already: redelivered acceptance ignored",
                            routing.event().appealId());
                    return Mono.empty();
                })
                .then();
    }

    private Mono<Void> follow(AppealEvent event) {
        return store.change(event.appealId(), document -> decide(document, event))
                .doOnNext(document -> openWork.put(OpenWork.Item.of(document.assignment())))
                .then();
    }

    private static Optional<Change> decide(AssignmentDocument document, AppealEvent event) {
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
