package gov.appeals.intake.rating;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;

import gov.appeals.events.AppealRated;
import gov.appeals.events.AppealRef;
import gov.appeals.events.AppealStatus;
import gov.appeals.intake.acceptance.FieldProblem;
import gov.appeals.intake.acceptance.InvalidRequestException;
import gov.appeals.intake.appeal.Actors;
import gov.appeals.intake.appeal.AppealDocument;
import gov.appeals.intake.appeal.AppealNotFoundException;
import gov.appeals.intake.appeal.AppealStore;
import gov.appeals.intake.appeal.TimelineNotes;
import gov.appeals.intake.outbox.OutboxEntry;
import gov.appeals.intake.outbox.OutboxRelay;
import reactor.core.publisher.Mono;

/**
 * The hotline's door for ratings: records the rating with its AppealRated event in one guarded update. Whether the
 * rating closes or reopens the appeal is feedback-service's decision, which comes back as an event.
 */
@Service
public class RateAppeal {

    /** A guard that keeps failing means the appeal keeps changing under us; the caller may simply retry. */
    private static final int ATTEMPTS = 3;

    private final AppealStore store;
    private final OutboxRelay relay;
    private final Clock clock;

    public RateAppeal(AppealStore store, OutboxRelay relay, Clock clock) {
        this.store = store;
        this.relay = relay;
        this.clock = clock;
    }

    public Mono<AppealDocument> rate(String appealId, RatingSubmission rating) {
        List<FieldProblem> problems = RatingRules.check(rating);
        if (!problems.isEmpty()) {
            return Mono.error(new InvalidRequestException(problems));
        }
        return attempt(appealId, rating, ATTEMPTS);
    }

    private Mono<AppealDocument> attempt(String appealId, RatingSubmission rating, int attemptsLeft) {
        return store.findById(appealId)
                .switchIfEmpty(Mono.error(() -> new AppealNotFoundException(appealId)))
                .flatMap(appeal -> switch (RatingRules.decide(appeal.status(), earlier(appeal), rating)) {
                    case REPEAT -> Mono.just(appeal);
                    case NOT_RESPONDED -> Mono.error(new RatingConflictException(appeal.status(),
                            "Appeal " + appealId + " is " + appeal.status() + "; only a RESPONDED appeal can be rated"));
                    case CONFLICTS_WITH_EARLIER_RATING -> Mono.error(new RatingConflictException(appeal.status(),
                            "The answer to appeal " + appealId + " was already rated " + appeal.rating().rating()));
                    case RATE -> write(appeal, rating).switchIfEmpty(Mono.defer(() -> attemptsLeft > 1
                            ? attempt(appealId, rating, attemptsLeft - 1)
                            : Mono.error(new RatingConflictException(AppealStatus.RESPONDED,
                            "Appeal " + appealId + " changed while being rated; retry"))));
                });
    }

    private Mono<AppealDocument> write(AppealDocument appeal, RatingSubmission rating) {
        Instant now = clock.instant();
        String actor = Actors.of(appeal.source());
        AppealRated event = new AppealRated(UUID.randomUUID().toString(),
                new AppealRef(appeal.id(), appeal.number(), appeal.source(), appeal.externalId()),
                appeal.version() + 1, now, actor, rating.rating(), rating.resolved(), rating.comment());
        // The rating judges the department that answered, so the timeline names it.
        String rated = appeal.answer() != null ? appeal.answer().department() : appeal.leadDepartment();
        AppealDocument.TimelineEntry entry = new AppealDocument.TimelineEntry(event.eventId(), event.status(), now,
                actor, rated, TimelineNotes.rated(rating.rating(), rating.resolved(), rating.comment()));
        return store.rate(appeal.id(), appeal.version(),
                        new AppealDocument.StoredRating(rating.rating(), rating.resolved(), rating.comment(), now),
                        entry, OutboxEntry.of(event, now))
                .doOnNext(relay::relayInBackground);
    }

    private static RatingSubmission earlier(AppealDocument appeal) {
        AppealDocument.StoredRating r = appeal.rating();
        return r == null ? null : new RatingSubmission(r.rating(), r.resolved(), r.comment());
    }
}
