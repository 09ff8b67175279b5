package gov.appeals.intake.status;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import gov.appeals.events.AppealAssigned;
import gov.appeals.events.AppealEvent;
import gov.appeals.events.AppealRated;
import gov.appeals.events.AppealReopened;
import gov.appeals.events.AppealResponded;
import gov.appeals.events.AppealSentToTriage;
import gov.appeals.events.reference.ReferenceData;
import gov.appeals.intake.appeal.AppealDocument;
import gov.appeals.intake.appeal.AppealDocument.TimelineEntry;
import gov.appeals.intake.appeal.AppealStore;
import gov.appeals.intake.appeal.TimelineNotes;
import reactor.core.publisher.Mono;

/**
 * The status view: what the other services' events say happened to an appeal. Every event adds its timeline entry
 * once (keyed by event id); only an event newer than the stored version moves the status, so a late or repeated
 * event never takes an appeal back.
 */
@Service
public class StatusProjection {

    public enum Outcome { APPLIED, TIMELINE_ONLY, DUPLICATE, UNKNOWN_APPEAL }

    private static final Logger LOG = LoggerFactory.getLogger(StatusProjection.class);

    private final AppealStore store;
    private final String triageUnit;

    public StatusProjection(AppealStore store, ReferenceData reference) {
        this.store = store;
        this.triageUnit = reference.triageUnit().code();
    }

    public Mono<Outcome> apply(AppealEvent event) {
        TimelineEntry entry = new TimelineEntry(event.eventId(), event.status(), event.occurredAt(), event.actor(),
                event.department(), TimelineNotes.of(event));
        Update fields = statusFields(event);
        return store.applyNewer(event.appealId(), event.version(), entry, fields)
                .flatMap(applied -> applied ? Mono.just(Outcome.APPLIED)
                        : store.addToTimeline(event.appealId(), entry)
                        .flatMap(added -> added ? Mono.just(Outcome.TIMELINE_ONLY)
                                : store.exists(event.appealId())
                                .map(known -> known ? Outcome.DUPLICATE : Outcome.UNKNOWN_APPEAL)))
                .doOnNext(outcome -> log(event, outcome));
    }

    private Update statusFields(AppealEvent event) {
        Update update = new Update().set("status", event.status());
        if (event instanceof AppealAssigned e) {
            update.set("leadDepartment", e.department()).set("coHandlers", e.coHandlers());
            if (e.category() != null) {
                update.set("category", e.category());
            }
            if (e.deadlines() != null) {
                update.set("deadlines", e.deadlines());
            }
        } else if (event instanceof AppealSentToTriage e) {
            update.set("leadDepartment", e.department() == null ? triageUnit : e.department())
                    .set("coHandlers", List.of());
            if (e.deadlines() != null) {
                update.set("deadlines", e.deadlines());
            }
        } else if (event instanceof AppealResponded e) {
            // A new answer (first, or after a reopening) is rated afresh.
            update.set("answer", new AppealDocument.StoredAnswer(e.result(), e.text(), e.department(), e.occurredAt()))
                    .unset("rating");
        } else if (event instanceof AppealRated e) {
            update.set("rating", new AppealDocument.StoredRating(e.rating(), e.resolved(), e.comment(), e.occurredAt()));
        } else if (event instanceof AppealReopened e) {
            if (e.deadlines() != null) {
                update.set("deadlines", e.deadlines());
            }
        }
        return update;
    }

    private static void log(AppealEvent event, Outcome outcome) {
        switch (outcome) {
            case UNKNOWN_APPEAL -> LOG.warn("Skipped {} {}: appeal {} is not one intake accepted", event.type(),
                    event.eventId(), event.appealId());
            case DUPLICATE -> LOG.debug("Ignored {} {} for appeal {}: already recorded", event.type(), event.eventId(),
                    event.appealId());
            case TIMELINE_ONLY -> LOG.info("Recorded {} {} (version {}) for appeal {} in its timeline; the status "
                    + "is already newer", event.type(), event.eventId(), event.version(), event.appealId());
            case APPLIED -> LOG.info("Appeal {} is {} (version {}) after {}", event.appealId(), event.status(),
                    event.version(), event.type());
        }
    }
}
