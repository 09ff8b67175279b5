package gov.appeals.intake.status.messaging;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import gov.appeals.events.AppealAccepted;
import gov.appeals.events.AppealEvent;
import gov.appeals.intake.appeal.Stage;
import gov.appeals.intake.appeal.Stages;
import gov.appeals.intake.appeal.StatusView;
import gov.appeals.intake.appeal.store.AppealDocument;
import gov.appeals.intake.appeal.store.AppealStore;
import gov.appeals.intake.appeal.store.ConcurrentChange;
import gov.appeals.reference.ReferenceData;
import reactor.core.publisher.Mono;

/**
 * The status view: every event of an appeal adds its stage once (keyed by event id), and the view is folded from all
 * stages in version order, so an event that arrives late or out of order still ends in the right view.
 */
@Service
public class StatusProjection {

    public enum Outcome { APPLIED, DUPLICATE, UNKNOWN_APPEAL }

    private static final Logger LOG = LoggerFactory.getLogger(StatusProjection.class);

    private final AppealStore store;
    private final String triageUnit;

    public StatusProjection(AppealStore store, ReferenceData reference) {
        this.store = store;
        this.triageUnit = reference.triageUnit().code();
    }

    public Mono<Outcome> apply(AppealEvent event) {
        if (event instanceof AppealAccepted) {
            // Intake's own: the appeal was inserted with this stage, nothing to read.
            log(event, Outcome.DUPLICATE);
            return Mono.just(Outcome.DUPLICATE);
        }
        Stage stage = Stages.of(event, triageUnit);
        return Mono.defer(() -> store.findById(event.appealId())
                        .flatMap(appeal -> record(appeal, stage))
                        .defaultIfEmpty(Outcome.UNKNOWN_APPEAL))
                .retryWhen(ConcurrentChange.REREADS)
                .doOnNext(outcome -> log(event, outcome));
    }

    private Mono<Outcome> record(AppealDocument appeal, Stage stage) {
        if (appeal.recorded(stage.eventId())) {
            return Mono.just(Outcome.DUPLICATE);
        }
        List<Stage> stages = new ArrayList<>(appeal.timeline());
        stages.add(stage);
        return store.record(appeal.id(), appeal.revision(), stage, StatusView.fold(stages))
                .flatMap(written -> written ? Mono.just(Outcome.APPLIED) : Mono.error(new ConcurrentChange()));
    }

    private static void log(AppealEvent event, Outcome outcome) {
        switch (outcome) {
            case UNKNOWN_APPEAL -> LOG.warn("Skipped {} {}: appeal {} is not one intake accepted", event.type(),
                    event.eventId(), event.appealId());
            case DUPLICATE -> LOG.debug("Ignored {} {} for appeal {}: already recorded", event.type(),
                    event.eventId(), event.appealId());
            case APPLIED -> LOG.info("Appeal {} recorded {} (version {})", event.appealId(), event.type(),
                    event.version());
        }
    }
}
