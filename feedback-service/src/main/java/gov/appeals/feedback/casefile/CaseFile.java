package gov.appeals.feedback.casefile;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import gov.appeals.events.AppealAccepted;
import gov.appeals.events.AppealAssigned;
import gov.appeals.events.AppealClosed;
import gov.appeals.events.AppealClosed.ClosureReason;
import gov.appeals.events.AppealEvent;
import gov.appeals.events.AppealRated;
import gov.appeals.events.AppealRef;
import gov.appeals.events.AppealReopened;
import gov.appeals.events.AppealResponded;
import gov.appeals.events.AppealSentToTriage;
import gov.appeals.events.AppealSigned;
import gov.appeals.events.AppealStatus;
import gov.appeals.events.CoHandlerInputPosted;
import gov.appeals.events.Deadlines;

/**
 * feedback-service's view of one appeal: who leads it, its clocks, where it stands, the answer and the rating, and
 * every event already taken into account.
 *
 * <p>The events of one appeal arrive in order, but a case never relies on it: the status follows only an event
 * newer ({@link #version}) than the one that set it, and the assignment (lead, co-handlers, deadlines) only an
 * assignment or reopening newer than {@link #assignmentVersion}. Every event id is remembered, so an event
 * delivered twice, or one this service announced itself coming back, changes nothing.
 *
 * @param status            null until an event says where the appeal stands
 * @param version           the highest appeal version taken into account
 * @param assignmentVersion the version of the event that set lead, co-handlers and deadlines
 * @param outcome           the decision on the latest rating, null before any
 * @param supervision       clocks, alarms, supervision orders and extensions
 * @param coHandlerInputs   the ids of the co-handlers' inputs (协办意见) posted so far, which an answer may cite
 */
public record CaseFile(AppealRef appeal, String lead, List<String> coHandlers, AppealStatus status,
                       Deadlines deadlines, int version, int assignmentVersion, Answer answer, ReceivedRating rating,
                       List<String> appliedEventIds, Outcome outcome, Supervision supervision,
                       List<String> coHandlerInputs) {

    public static final String ACTOR = "system:feedback-service";
    static final String DISSATISFIED_REASON = "enterprise dissatisfied";

    public CaseFile {
        Objects.requireNonNull(appeal, "appeal");
        coHandlers = coHandlers == null ? List.of() : List.copyOf(coHandlers);
        appliedEventIds = appliedEventIds == null ? List.of() : List.copyOf(appliedEventIds);
        supervision = supervision == null ? Supervision.NONE : supervision;
        coHandlerInputs = coHandlerInputs == null ? List.of() : List.copyOf(coHandlerInputs);
    }

    /** A case nothing is known about yet. */
    public static CaseFile open(AppealRef appeal) {
        return new CaseFile(appeal, null, List.of(), null, null, 0, 0, null, null, List.of(), null, Supervision.NONE, List.of());
    }

    public String appealId() {
        return appeal.appealId();
    }

    public boolean hasApplied(String eventId) {
        return appliedEventIds.contains(eventId);
    }

    /**
     * Takes a stage change into account: assigned, sent to triage, signed, responded, reopened, closed. A rating is
     * a decision, not a stage change: see {@link #rate}.
     *
     * @return the case after the event, or this same case when the event had already been applied
     */
    public CaseFile apply(AppealEvent event) {
        if (event instanceof AppealRated) {
            throw new IllegalArgumentException("A rating is decided by rate(), not applied");
        }
        if (hasApplied(event.eventId())) {
            return this;
        }
        CaseFile next = remembering(event.eventId());
        if (event instanceof AppealAccepted accepted) {
            next = next.withSupervision(next.supervision.withProfile(AppealProfile.of(accepted)));
        } else if (event instanceof AppealAssigned assigned) {
            // Re-routing and a triage decision keep the clocks running: the enterprise's wait is not reset.
            boolean running = next.supervision.clockStart() != null && next.deadlines != null;
            next = next.assignedBy(assigned.version(), assigned.department(), assigned.coHandlers(),
                    running ? next.deadlines : assigned.deadlines());
            if (!running) {
                next = next.withSupervision(next.supervision.withClockStart(assigned.occurredAt()));
            }
        } else if (event instanceof AppealReopened reopened) {
            next = next.assignedBy(reopened.version(), reopened.department(), next.coHandlers,
                    reopened.deadlines());
            next = next.withSupervision(next.supervision.withClockStart(reopened.occurredAt()));
        } else if (event instanceof AppealSigned signed && next.lead == null) {
            // The lead is the only department that signs, so a signature seen before the assignment names it.
            next = next.withLead(signed.department());
        } else if (event instanceof AppealResponded responded && responded.version() > version) {
            next = next.withAnswer(new Answer(responded.result(), responded.text(), null, responded.actor(),
                    responded.occurredAt(), responded.withinDeadline(), responded.eventId(),
                    responded.inputsUsed()));
        } else if (event instanceof CoHandlerInputPosted posted) {
            List<String> inputs = new ArrayList<>(next.coHandlerInputs);
            inputs.add(posted.inputId());
            next = new CaseFile(appeal, next.lead, next.coHandlers, next.status, next.deadlines, next.version,
                    next.assignmentVersion, next.answer, next.rating, next.appliedEventIds, next.outcome,
                    next.supervision, inputs);
        }
        return next.advancedTo(event.status(), event.version());
    }

    /**
     * The lead department answers. Only a case its lead signed for (SIGNED) can be answered; a reopened case must
     * be signed again first. Repeating the answer already given is not an error: it returns the case unchanged and
     * nothing to publish, so a client may retry safely.
     *
     * @throws CaseNotAnswerableException when the case is in any other status, or already has another answer
     */
    public Answered answer(AnswerCommand command, Instant now, String eventId) {
        if (status == AppealStatus.RESPONDED && answer != null && answer.sameAs(command)) {
            return new Answered(this, null);
        }
        if (status != AppealStatus.SIGNED) {
            throw new CaseNotAnswerableException(appealId(), status);
        }
        List<String> unknown = command.inputsUsed().stream().filter(id -> !coHandlerInputs.contains(id)).toList();
        if (!unknown.isEmpty()) {
            throw new UnknownInputException(appealId(), unknown);
        }
        String actor = "staff:" + (command.staff() != null ? command.staff() : lead);
        boolean withinDeadline = deadlines == null || deadlines.answerBy() == null
                || !now.isAfter(deadlines.answerBy());
        AppealResponded responded = new AppealResponded(eventId, appeal, version + 1, now, actor, lead,
                command.result(), command.text(), withinDeadline, command.inputsUsed());
        CaseFile next = remembering(eventId)
                .withAnswer(new Answer(command.result(), command.text(), command.staff(), actor, now, withinDeadline,
                        eventId, command.inputsUsed()))
                .advancedTo(AppealStatus.RESPONDED, responded.version());
        return new Answered(next, responded);
    }

    /**
     * Decides what the enterprise's rating means: (basically) satisfied closes the appeal, dissatisfied reopens it
     * to the same lead with the short reopening clocks, and the dissatisfied rating that reaches
     * {@link SupervisionRules#dissatisfiedLimit()} sends it to triage with a supervisor flag instead of reopening it
     * yet again. The decision is kept with the case, so a redelivered rating finds it ({@code changed} false, the
     * same event) instead of deciding a second time.
     *
     * @throws RatingNotApplicableException when the case has not been answered
     */
    public RatingDecision rate(AppealRated rated, Instant now, SupervisionRules rules, String eventId) {
        if (outcome != null && outcome.ratingEventId().equals(rated.eventId())) {
            return new RatingDecision(this, outcome.event(), false);
        }
        if (hasApplied(rated.eventId())) {
            return new RatingDecision(this, null, false);
        }
        if (status != AppealStatus.RESPONDED) {
            throw new RatingNotApplicableException(appealId(), status);
        }
        int next = Math.max(version, rated.version()) + 1;
        AppealEvent decision;
        CaseFile decided = remembering(rated.eventId()).remembering(eventId)
                .withRating(new ReceivedRating(rated.rating(), rated.resolved(), rated.comment(), rated.occurredAt(),
                        rated.eventId()));
        if (rated.rating().closesAppeal()) {
            decision = new AppealClosed(eventId, appeal, next, now, ACTOR, lead,
                    ClosureReason.valueOf(rated.rating().name()));
        } else {
            Deadlines restarted = rules.deadlines().atReopening(now);
            boolean toTriage = !supervision.flagged() && supervision.dissatisfied() + 1 >= rules.dissatisfiedLimit();
            if (toTriage) {
                decision = new AppealSentToTriage(eventId, appeal, next, now, ACTOR, rules.triageUnit(),
                        "rated dissatisfied " + (supervision.dissatisfied() + 1)
                                + " times: the triage unit decides, with a supervisor's attention", restarted, true);
                decided = decided.withDeadlines(restarted);
            } else {
                decision = new AppealReopened(eventId, appeal, next, now, ACTOR, lead, reopenReason(rated.comment()),
                        restarted);
                decided = decided.assignedBy(next, lead, coHandlers, restarted);
            }
            decided = decided.withSupervision(decided.supervision.dissatisfiedOnceMore(toTriage).withClockStart(now));
        }
        decided = decided.advancedTo(decision.status(), next).withOutcome(new Outcome(rated.eventId(), decision));
        return new RatingDecision(decided, decision, true);
    }

    private static String reopenReason(String comment) {
        return comment == null || comment.isBlank() ? DISSATISFIED_REASON : DISSATISFIED_REASON + ": " + comment.strip();
    }

    CaseFile remembering(String eventId) {
        List<String> ids = new ArrayList<>(appliedEventIds);
        ids.add(eventId);
        return new CaseFile(appeal, lead, coHandlers, status, deadlines, version, assignmentVersion, answer, rating,
                ids, outcome, supervision, coHandlerInputs);
    }

    CaseFile advancedTo(AppealStatus newStatus, int newVersion) {
        if (newVersion <= version) {
            return this;
        }
        return new CaseFile(appeal, lead, coHandlers, newStatus, deadlines, newVersion, assignmentVersion, answer,
                rating, appliedEventIds, outcome, supervision, coHandlerInputs);
    }

    private CaseFile assignedBy(int eventVersion, String newLead, List<String> newCoHandlers, Deadlines newDeadlines) {
        if (eventVersion <= assignmentVersion) {
            return this;
        }
        return new CaseFile(appeal, newLead, newCoHandlers, status, newDeadlines, version, eventVersion, answer,
                rating, appliedEventIds, outcome, supervision, coHandlerInputs);
    }

    private CaseFile withLead(String newLead) {
        return new CaseFile(appeal, newLead, coHandlers, status, deadlines, version, assignmentVersion, answer,
                rating, appliedEventIds, outcome, supervision, coHandlerInputs);
    }

    private CaseFile withAnswer(Answer newAnswer) {
        return new CaseFile(appeal, lead, coHandlers, status, deadlines, version, assignmentVersion, newAnswer,
                rating, appliedEventIds, outcome, supervision, coHandlerInputs);
    }

    private CaseFile withRating(ReceivedRating newRating) {
        return new CaseFile(appeal, lead, coHandlers, status, deadlines, version, assignmentVersion, answer,
                newRating, appliedEventIds, outcome, supervision, coHandlerInputs);
    }

    private CaseFile withOutcome(Outcome newOutcome) {
        return new CaseFile(appeal, lead, coHandlers, status, deadlines, version, assignmentVersion, answer, rating,
                appliedEventIds, newOutcome, supervision, coHandlerInputs);
    }

    CaseFile withSupervision(Supervision newSupervision) {
        return new CaseFile(appeal, lead, coHandlers, status, deadlines, version, assignmentVersion, answer, rating,
                appliedEventIds, outcome, newSupervision, coHandlerInputs);
    }

    CaseFile withDeadlines(Deadlines newDeadlines) {
        return new CaseFile(appeal, lead, coHandlers, status, newDeadlines, version, assignmentVersion, answer,
                rating, appliedEventIds, outcome, supervision, coHandlerInputs);
    }
}
