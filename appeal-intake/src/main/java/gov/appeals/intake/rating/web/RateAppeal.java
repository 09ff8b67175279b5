package gov.appeals.intake.rating.web;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;

import gov.appeals.events.AppealRated;
import gov.appeals.events.AppealRef;
import gov.appeals.events.AppealStatus;
import gov.appeals.intake.appeal.Actors;
import gov.appeals.intake.appeal.AppealAccess;
import gov.appeals.intake.appeal.AppealNotFoundException;
import gov.appeals.intake.appeal.Stage;
import gov.appeals.intake.appeal.Stages;
import gov.appeals.intake.appeal.StatusView;
import gov.appeals.intake.appeal.store.AppealDocument;
import gov.appeals.intake.appeal.store.AppealStore;
import gov.appeals.intake.appeal.store.ConcurrentChange;
import gov.appeals.intake.appeal.store.Outbox;
import gov.appeals.intake.rating.RatingConflictException;
import gov.appeals.intake.rating.RatingRules;
import gov.appeals.intake.rating.RatingSubmission;
import gov.appeals.kit.outbox.OutboxRelay;
import gov.appeals.kit.security.Actor;
import gov.appeals.kit.web.FieldProblem;
import gov.appeals.kit.web.InvalidRequestException;
import reactor.core.publisher.Mono;

/**
 * The hotline's door for ratings: records the rating with its AppealRated event in one guarded update. Whether the
 * rating closes or reopens the appeal is feedback-service's decision, which comes back as an event.
 */
@Service
public class RateAppeal {

    private final AppealStore store;
    private final OutboxRelay relay;
    private final Clock clock;

    public RateAppeal(AppealStore store, OutboxRelay relay, Clock clock) {
        this.store = store;
        this.relay = relay;
        this.clock = clock;
    }

    /** Rates an appeal the actor's source submitted; any other appeal is not found, to the actor. */
    public Mono<AppealDocument> rate(String appealId, RatingSubmission rating, Actor actor) {
        List<FieldProblem> problems = RatingRules.check(rating);
        if (!problems.isEmpty()) {
            return Mono.error(new InvalidRequestException(problems));
        }
        return Mono.defer(() -> attempt(appealId, rating, actor))
                .retryWhen(ConcurrentChange.REREADS.onRetryExhaustedThrow((spec, signal) ->
                        new RatingConflictException(AppealStatus.RESPONDED,
                                "Appeal " + appealId + " changed while being rated; retry")));
    }

    private Mono<AppealDocument> attempt(String appealId, RatingSubmission rating, Actor actor) {
        return store.findById(appealId)
                .filter(appeal -> AppealAccess.speaksFor(actor, appeal.source()))
                .switchIfEmpty(Mono.error(() -> new AppealNotFoundException(appealId)))
                .flatMap(appeal -> switch (RatingRules.decide(appeal.status(), earlier(appeal), rating)) {
                    case REPEAT -> Mono.just(appeal);
                    case NOT_RESPONDED -> Mono.error(new RatingConflictException(appeal.status(),
                            "Appeal " + appealId + " is " + appeal.status() + "; only a RESPONDED appeal can be rated"));
                    case CONFLICTS_WITH_EARLIER_RATING -> Mono.error(new RatingConflictException(appeal.status(),
                            "The answer to appeal " + appealId + " was already rated " + appeal.rating().rating()));
                    case RATE -> write(appeal, rating).switchIfEmpty(Mono.error(ConcurrentChange::new));
                });
    }

    private Mono<AppealDocument> write(AppealDocument appeal, RatingSubmission rating) {
        Instant now = clock.instant();
        AppealRated event = new AppealRated(UUID.randomUUID().toString(),
                new AppealRef(appeal.id(), appeal.number(), appeal.source(), appeal.externalId()),
                appeal.version() + 1, now, Actors.of(appeal.source()), rating.rating(), rating.resolved(),
                rating.comment());
        Stage rated = Stages.of(event, null);
        // The rating judges the department that answered, so the timeline names it.
        String department = appeal.answer() != null ? appeal.answer().department() : appeal.leadDepartment();
        Stage stage = new Stage(rated.eventId(), rated.version(), rated.status(), rated.at(), rated.actor(),
                department, rated.note(), null, List.of(), null, null, null, rated.rating(), null, false);
        List<Stage> stages = new ArrayList<>(appeal.timeline());
        stages.add(stage);
        return store.rate(appeal.id(), appeal.revision(), stage, StatusView.fold(stages), Outbox.entry(event, now))
                .doOnNext(written -> relay.publishSoon(written.id(), written.outbox()));
    }

    private static RatingSubmission earlier(AppealDocument appeal) {
        Stage.RatingGiven r = appeal.rating();
        return r == null ? null : new RatingSubmission(r.rating(), r.resolved(), r.comment());
    }
}
