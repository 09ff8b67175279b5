package gov.appeals.feedback.casefile.store;

import java.time.Clock;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import gov.appeals.feedback.casefile.CaseChange;
import gov.appeals.feedback.casefile.CaseFile;
import gov.appeals.kit.outbox.OutboxRelay;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * The one way a supervision step reaches the store: read the case, decide, store the case with the step's events
 * in its outbox in one guarded write, copy its orders to the board, hand the events to the relay. A concurrent
 * write (another instance firing the same alarm, a department answering meanwhile) makes the step decide again on
 * the case as it now is, where an alarm already fired fires no more.
 */
@Service
public class CaseChanges {

    private static final Logger LOG = LoggerFactory.getLogger(CaseChanges.class);
    private static final int CONCURRENT_RETRIES = 5;

    private final CaseStore store;
    private final OrderBoard board;
    private final OutboxRelay relay;
    private final Clock clock;

    public CaseChanges(CaseStore store, OrderBoard board, OutboxRelay relay, Clock clock) {
        this.store = store;
        this.board = board;
        this.relay = relay;
        this.clock = clock;
    }

    /** @return the change, or empty when there is no such case */
    public Mono<CaseChange> change(String appealId, Function<CaseFile, CaseChange> step) {
        return Mono.defer(() -> store.find(appealId).flatMap(stored -> {
                    CaseChange change = step.apply(stored.file());
                    if (!change.changed()) {
                        return Mono.just(change);
                    }
                    return store.save(stored, change.file(), change.events().stream()
                                    .map(event -> CaseEvents.pending(event, clock.instant())).toList())
                            .then(Mono.defer(() -> {
                                change.events().forEach(event -> LOG.info("Appeal {}: {} {}", appealId, event.type(),
                                        event.eventId()));
                                relay.publishSoon(appealId);
                                return change.file().supervision().orders().isEmpty() ? Mono.<Void>empty()
                                        : board.copy(change.file());
                            }))
                            .thenReturn(change);
                }))
                .retryWhen(Retry.max(CONCURRENT_RETRIES).filter(ConcurrentCaseUpdateException.class::isInstance));
    }
}
