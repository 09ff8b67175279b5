package gov.appeals.feedback.casefile.messaging;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import gov.appeals.events.AppealEvent;
import gov.appeals.events.AppealRated;
import gov.appeals.events.SupervisionOrderClosed;
import gov.appeals.events.SupervisionOrderRaised;
import gov.appeals.feedback.casefile.CaseFile;
import gov.appeals.feedback.casefile.RatingDecision;
import gov.appeals.feedback.casefile.RatingNotApplicableException;
import gov.appeals.feedback.casefile.SupervisionRules;
import gov.appeals.feedback.casefile.store.CaseEvents;
import gov.appeals.feedback.casefile.store.CaseStore;
import gov.appeals.feedback.casefile.store.ConcurrentCaseUpdateException;
import gov.appeals.feedback.casefile.store.OrderBoard;
import gov.appeals.feedback.casefile.store.StoredCase;
import gov.appeals.kit.messaging.UnprocessableMessageException;
import gov.appeals.kit.outbox.OutboxRelay;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Keeps each case in step with the appeal's events (from the acceptance on: supervision needs to know when the
 * enterprise started waiting and whether it is a key one) and decides what a rating means. The decision (AppealClosed or
 * AppealReopened) is stored with the case change and put in the case's outbox in the same single-document write,
 * then handed to the relay; a redelivered rating finds the decision stored and announces nothing new. The events
 * this service announced itself come back on the topic and change nothing (their ids are in the case).
 */
@Service
public class CaseFollowUp {

    private static final Logger LOG = LoggerFactory.getLogger(CaseFollowUp.class);

    /** Concurrent writers to one case are rare (a staff answer racing an event), so a few rereads settle it. */
    private static final int CONCURRENT_RETRIES = 5;

    private final CaseStore store;
    private final OutboxRelay relay;
    private final OrderBoard board;
    private final SupervisionRules rules;
    private final Clock clock;

    public CaseFollowUp(CaseStore store, OutboxRelay relay, OrderBoard board, SupervisionRules rules, Clock clock) {
        this.store = store;
        this.relay = relay;
        this.board = board;
        this.rules = rules;
        this.clock = clock;
    }

    /**
     * @return completes once the case is stored (or nothing had to change); fails with
     * {@link UnprocessableMessageException} for a rating no case is waiting for
     */
    public Mono<Void> follow(AppealEvent event) {
        return Mono.defer(() -> store.find(event.appealId())
                        .defaultIfEmpty(StoredCase.unknown(event.appeal()))
                        .flatMap(stored -> event instanceof AppealRated rated ? rate(stored, rated) : apply(stored, event)))
                .retryWhen(Retry.max(CONCURRENT_RETRIES).filter(ConcurrentCaseUpdateException.class::isInstance))
                // The appeal's events arrive in order, so waiting cannot make the rating applicable: park it at once.
                .onErrorMap(RatingNotApplicableException.class,
                        e -> new UnprocessableMessageException(e.getMessage(), e));
    }

    private Mono<Void> apply(StoredCase stored, AppealEvent event) {
        CaseFile after = stored.file().apply(event);
        if (after.equals(stored.file())) {
            // An order's own event coming back: copy the order again, in case a crash lost the first copy.
            return event instanceof SupervisionOrderRaised || event instanceof SupervisionOrderClosed
                    ? board.copy(after) : Mono.empty();
        }
        return store.save(stored, after, List.of());
    }

    private Mono<Void> rate(StoredCase stored, AppealRated rated) {
        RatingDecision decision = stored.file().rate(rated, clock.instant(), rules, UUID.randomUUID().toString());
        if (!decision.changed()) {
            // Redelivered: the decision was stored, and put in the outbox, the first time.
            return Mono.empty();
        }
        AppealEvent announcement = decision.announcement();
        String appealId = stored.file().appealId();
        return store.save(stored, decision.file(), List.of(CaseEvents.pending(announcement, clock.instant())))
                .then(Mono.fromRunnable(() -> {
                    LOG.info("Appeal {} rated {}: announcing {} {}", appealId, rated.rating(), announcement.type(),
                            announcement.eventId());
                    relay.publishSoon(appealId);
                }));
    }
}
