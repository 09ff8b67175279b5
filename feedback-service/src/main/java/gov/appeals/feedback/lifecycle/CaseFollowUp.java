package gov.appeals.feedback.lifecycle;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;

import gov.appeals.events.AppealEvent;
import gov.appeals.events.AppealRated;
import gov.appeals.events.calendar.DeadlinePolicy;
import gov.appeals.feedback.casefile.CaseFile;
import gov.appeals.feedback.casefile.RatingDecision;
import gov.appeals.feedback.store.CaseStore;
import gov.appeals.feedback.store.ConcurrentCaseUpdateException;
import gov.appeals.feedback.store.StoredCase;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Keeps each case in step with the appeal's events and decides what a rating means. A decision is stored before
 * it is announced, so a redelivered rating finds it and announces the same event again.
 */
@Service
public class CaseFollowUp {

    /** Concurrent writers to one case are rare (a staff answer racing an event), so a few rereads settle it. */
    private static final int CONCURRENT_RETRIES = 5;

    private final CaseStore store;
    private final DeadlinePolicy deadlines;
    private final Clock clock;

    public CaseFollowUp(CaseStore store, DeadlinePolicy deadlines, Clock clock) {
        this.store = store;
        this.deadlines = deadlines;
        this.clock = clock;
    }

    /** @return the event to announce (a rating's decision), or empty when the event leads to none */
    public Mono<AppealEvent> follow(AppealEvent event) {
        return Mono.defer(() -> store.find(event.appealId())
                        .defaultIfEmpty(StoredCase.unknown(event.appeal()))
                        .flatMap(stored -> event instanceof AppealRated rated ? rate(stored, rated) : apply(stored, event)))
                .retryWhen(Retry.max(CONCURRENT_RETRIES).filter(ConcurrentCaseUpdateException.class::isInstance));
    }

    private Mono<AppealEvent> apply(StoredCase stored, AppealEvent event) {
        CaseFile after = stored.file().apply(event);
        if (after.equals(stored.file())) {
            return Mono.empty();
        }
        return store.save(stored, after, List.of()).then(Mono.empty());
    }

    private Mono<AppealEvent> rate(StoredCase stored, AppealRated rated) {
        RatingDecision decision = stored.file().rate(rated, clock.instant(), deadlines, UUID.randomUUID().toString());
        Mono<Void> saved = decision.changed() ? store.save(stored, decision.file(), List.of()) : Mono.empty();
        return saved.then(Mono.justOrEmpty(decision.announcement()));
    }
}
