package gov.appeals.dispatch.queue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import gov.appeals.dispatch.routing.RoutingDecision;
import gov.appeals.events.AppealAccepted;
import gov.appeals.events.AppealAssigned;
import gov.appeals.events.AppealClosed;
import gov.appeals.events.AppealEvent;
import gov.appeals.events.AppealRated;
import gov.appeals.events.AppealRef;
import gov.appeals.events.AppealReopened;
import gov.appeals.events.AppealResponded;
import gov.appeals.events.AppealSentToTriage;
import gov.appeals.events.AppealSigned;
import gov.appeals.events.AppealStatus;
import gov.appeals.events.Deadlines;
import gov.appeals.events.Urgency;
import gov.appeals.reference.calendar.DeadlinePolicy;

/**
 * Where one appeal stands in the department queues: who leads, who helps, its clocks and status. Every change
 * bumps {@link #version()} so that the store can apply it as a compare-and-set.
 *
 * @param enterprisePhone the enterprise's contact phone, already masked
 * @param triageUnit      the unit that decides when no rule routed the appeal, null when a rule did
 */
public record Assignment(AppealRef appeal, String title, String street, String enterpriseName, String enterprisePhone,
                         String category, Urgency urgency, AppealStatus status, String lead, List<String> coHandlers,
                         String triageUnit, Deadlines deadlines, int version, String decidedBy, String reason) {

    public static final String ACTOR = "system:dispatch-service";

    /** Who sent an appeal to triage: no rule covered it. */
    public static final String TRIAGE_RULE = "rule:triage";

    private static final Set<AppealStatus> OPEN =
            Set.of(AppealStatus.TRIAGE, AppealStatus.ASSIGNED, AppealStatus.SIGNED, AppealStatus.REOPENED);

    public Assignment {
        coHandlers = coHandlers == null ? List.of() : List.copyOf(coHandlers);
    }

    /** Statuses in which an appeal is somebody's open work. */
    public static Set<AppealStatus> openStatuses() {
        return OPEN;
    }

    /** The assignment an accepted appeal gets from the routing decision, and the event announcing it. */
    public static Transition route(AppealAccepted accepted, RoutingDecision decision, String eventId, Instant now) {
        int version = accepted.version() + 1;
        Assignment base = new Assignment(accepted.appeal(), accepted.title(), accepted.street(),
                accepted.enterprise() == null ? null : accepted.enterprise().name(),
                accepted.enterprise() == null ? null : PhoneMask.mask(accepted.enterprise().phone()),
                accepted.category(), accepted.urgency(), null, null, List.of(), null, accepted.deadlines(), version,
                null, decision.reason());
        if (decision instanceof RoutingDecision.Assign assign) {
            Assignment after = base.with(AppealStatus.ASSIGNED, assign.lead(), assign.coHandlers(), null,
                    accepted.deadlines(), version, assign.decidedBy(), assign.reason());
            return new Transition(null, after, new AppealAssigned(eventId, accepted.appeal(), version, now, ACTOR,
                    assign.lead(), assign.coHandlers(), accepted.category(), assign.decidedBy(), assign.reason(),
                    accepted.deadlines()));
        }
        RoutingDecision.Triage triage = (RoutingDecision.Triage) decision;
        Assignment after = base.with(AppealStatus.TRIAGE, null, List.of(), triage.department(), accepted.deadlines(),
                version, TRIAGE_RULE, triage.reason());
        return new Transition(null, after, new AppealSentToTriage(eventId, accepted.appeal(), version, now, ACTOR,
                triage.department(), triage.reason(), accepted.deadlines(), false));
    }

    public String appealId() {
        return appeal.appealId();
    }

    /** The clock that matters next: sign-for until someone signed, then the answer. */
    public Instant nextDeadline() {
        if (deadlines == null) {
            return null;
        }
        if (status == AppealStatus.SIGNED || deadlines.signBy() == null) {
            return deadlines.answerBy();
        }
        return deadlines.signBy();
    }

    /** Why the appeal is in {@code unit}'s queue, empty when it is not there (or no longer open). */
    public Optional<QueueRole> roleOf(String unit) {
        if (!OPEN.contains(status)) {
            return Optional.empty();
        }
        if (status == AppealStatus.TRIAGE) {
            return unit.equals(triageUnit) ? Optional.of(QueueRole.TRIAGE) : Optional.empty();
        }
        if (unit.equals(lead)) {
            return Optional.of(QueueRole.LEAD);
        }
        return coHandlers.contains(unit) ? Optional.of(QueueRole.CO_HANDLER) : Optional.empty();
    }

    /**
     * The lead signs for (签收) the appeal. Signing what the same unit already signed changes nothing.
     *
     * @return the change and its event, or empty when it was already signed by {@code unit}
     */
    public Optional<Transition> sign(String unit, String staff, String eventId, Instant now) {
        boolean triageUnitsOwn = status == AppealStatus.TRIAGE && unit.equals(triageUnit);
        if (!unit.equals(lead) && !triageUnitsOwn) {
            throw new NotInQueueException(appealId(), unit);
        }
        if (status == AppealStatus.SIGNED) {
            return Optional.empty();
        }
        if (status != AppealStatus.ASSIGNED && status != AppealStatus.REOPENED) {
            throw new WrongStatusException(appealId(), status, "signed for");
        }
        int next = version + 1;
        boolean withinDeadline = deadlines == null || deadlines.signBy() == null || !now.isAfter(deadlines.signBy());
        String actor = "staff:" + (staff == null || staff.isBlank() ? unit : staff.strip());
        Assignment after = with(AppealStatus.SIGNED, lead, coHandlers, triageUnit, deadlines, next, decidedBy, reason);
        return Optional.of(new Transition(this, after,
                new AppealSigned(eventId, appeal, next, now, actor, unit, withinDeadline)));
    }

    /**
     * The triage unit decides who leads; its decision is final for this appeal. Clocks start at the first
     * assignment: an appeal no rule routed gets them now, from its urgency; one feedback-service sent back keeps
     * those it came with.
     */
    public Transition decideTriage(TriageDecision decision, String eventId, Instant now, DeadlinePolicy policy) {
        if (status != AppealStatus.TRIAGE) {
            throw new WrongStatusException(appealId(), status, "triaged");
        }
        int next = version + 1;
        List<String> helpers = decision.coHandlers().stream().filter(u -> !u.equals(decision.lead())).distinct()
                .toList();
        String triager = decision.triager() == null || decision.triager().isBlank()
                ? triageUnit : decision.triager().strip();
        String decided = "triage:" + triager;
        Deadlines clocks = TRIAGE_RULE.equals(decidedBy) ? policy.atAcceptance(urgency, now) : deadlines;
        Assignment after = with(AppealStatus.ASSIGNED, decision.lead(), helpers, triageUnit, clocks, next, decided,
                decision.reason());
        return new Transition(this, after, new AppealAssigned(eventId, appeal, next, now, decided, decision.lead(),
                helpers, category, decided, decision.reason(), clocks));
    }

    /**
     * Follows a later stage another service announced. Only events newer than what is held apply, so a redelivered
     * or out-of-date event changes nothing.
     *
     * @return the new state, or empty when the event is not newer or not a lifecycle stage
     */
    public Optional<Assignment> follow(AppealEvent event) {
        if (event.version() <= version) {
            return Optional.empty();
        }
        int v = event.version();
        if (event instanceof AppealSigned) {
            return Optional.of(withStatus(AppealStatus.SIGNED, deadlines, v));
        }
        if (event instanceof AppealResponded) {
            return Optional.of(withStatus(AppealStatus.RESPONDED, deadlines, v));
        }
        if (event instanceof AppealReopened reopened) {
            return Optional.of(withStatus(AppealStatus.REOPENED,
                    reopened.deadlines() == null ? deadlines : reopened.deadlines(), v));
        }
        if (event instanceof AppealClosed) {
            return Optional.of(withStatus(AppealStatus.CLOSED, deadlines, v));
        }
        if (event instanceof AppealSentToTriage triage) {
            // feedback-service's, after a third dissatisfied rating: the triage unit decides the lead afresh.
            return Optional.of(with(AppealStatus.TRIAGE, null, List.of(), triage.department(),
                    triage.deadlines() == null ? deadlines : triage.deadlines(), v, decidedBy, triage.reason()));
        }
        if (event instanceof AppealRated) {
            return Optional.of(withStatus(status, deadlines, v));
        }
        return Optional.empty();
    }

    private Assignment withStatus(AppealStatus newStatus, Deadlines newDeadlines, int newVersion) {
        return with(newStatus, lead, coHandlers, triageUnit, newDeadlines, newVersion, decidedBy, reason);
    }

    private Assignment with(AppealStatus newStatus, String newLead, List<String> newCoHandlers, String newTriageUnit,
                            Deadlines newDeadlines, int newVersion, String newDecidedBy, String newReason) {
        return new Assignment(appeal, title, street, enterpriseName, enterprisePhone, category, urgency, newStatus,
                newLead, newCoHandlers, newTriageUnit, newDeadlines, newVersion, newDecidedBy, newReason);
    }
}
