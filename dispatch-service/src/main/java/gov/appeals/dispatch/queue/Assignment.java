package gov.appeals.dispatch.queue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import gov.appeals.dispatch.routing.AppealFacts;
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
import gov.appeals.events.ExtensionDecided;
import gov.appeals.events.Urgency;
import gov.appeals.reference.calendar.DeadlinePolicy;

/**
 * Where one appeal stands in the department queues: who leads, who helps, its clocks and status. Every change
 * bumps {@link #version()} so that the store can apply it as a compare-and-set.
 *
 * @param enterprisePhone the enterprise's contact phone, already masked
 * @param triageUnit      the unit that decides when no rule routed the appeal, null when a rule did
 * @param ruleVersion     the version of the routing rules that decided the current lead, null when no rule did
 * @param signedBy        who signed for it (签收), null until someone did
 * @param content         what the enterprise wrote, which keyword rules read when the appeal is routed again
 * @param keyEnterprise   whether the source said the enterprise is a key one (重点企业)
 * @param acceptedAt      when intake accepted it
 * @param repeatOf        the appeal this one repeats (重复件), flagged in the queue; null when none
 */
public record Assignment(AppealRef appeal, String title, String street, String enterpriseName, String enterprisePhone,
                         String category, Urgency urgency, AppealStatus status, String lead, List<String> coHandlers,
                         String triageUnit, Deadlines deadlines, int version, String decidedBy, String reason,
                         Integer ruleVersion, String signedBy, String content, boolean keyEnterprise,
                         Instant acceptedAt, String repeatOf, Trail trail) {

    public static final String ACTOR = "system:dispatch-service";

    /** Who sent an appeal to triage: no rule covered it. */
    public static final String TRIAGE_RULE = "rule:triage";

    private static final Set<AppealStatus> OPEN =
            Set.of(AppealStatus.TRIAGE, AppealStatus.ASSIGNED, AppealStatus.SIGNED, AppealStatus.REOPENED);

    public Assignment {
        coHandlers = coHandlers == null ? List.of() : List.copyOf(coHandlers);
        trail = trail == null ? Trail.EMPTY : trail;
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
                null, decision.reason(), null, null, accepted.content(),
                Boolean.TRUE.equals(accepted.keyEnterprise()), accepted.occurredAt(), accepted.repeatOf(), Trail.EMPTY);
        if (decision instanceof RoutingDecision.Assign assign) {
            Assignment after = base.routed(assign, accepted.deadlines(), version);
            after = after.withTrail(new Trail(List.of(), List.of(), List.of(), List.of(), assign.lead(), false));
            return new Transition(null, after, after.assignedEvent(eventId, now, ACTOR, null));
        }
        RoutingDecision.Triage triage = (RoutingDecision.Triage) decision;
        Assignment after = base.toTriage(triage, accepted.deadlines(), version);
        return new Transition(null, after, new AppealSentToTriage(eventId, accepted.appeal(), version, now, ACTOR,
                triage.department(), triage.reason(), accepted.deadlines(), false));
    }

    /** What the routing rules match on. */
    public AppealFacts facts() {
        return facts(appeal, category, street, urgency, keyEnterprise, title, content);
    }

    /** What the routing rules match on, for an appeal just accepted. */
    public static AppealFacts facts(AppealAccepted accepted) {
        AppealFacts facts = facts(accepted.appeal(), accepted.category(), accepted.street(), accepted.urgency(),
                Boolean.TRUE.equals(accepted.keyEnterprise()), accepted.title(), accepted.content());
        boolean unsure = accepted.category() == null && accepted.classification() != null;
        return unsure ? new AppealFacts(facts.category(), facts.street(), facts.urgency(), facts.source(),
                facts.keyEnterprise(), facts.text(), accepted.classification().candidates()) : facts;
    }

    private static AppealFacts facts(AppealRef appeal, String category, String street, Urgency urgency,
                                     boolean keyEnterprise, String title, String content) {
        String text = (title == null ? "" : title) + "\n" + (content == null ? "" : content);
        return new AppealFacts(category, street, urgency, appeal.source(), keyEnterprise, text);
    }

    Assignment routed(RoutingDecision.Assign assign, Deadlines clocks, int newVersion) {
        return new Assignment(appeal, title, street, enterpriseName, enterprisePhone, category, urgency,
                AppealStatus.ASSIGNED, assign.lead(), assign.coHandlers(), triageUnit, clocks, newVersion,
                assign.decidedBy(), assign.reason(), assign.ruleVersion(), null, content, keyEnterprise, acceptedAt,
                repeatOf, trail);
    }

    Assignment toTriage(RoutingDecision.Triage triage, Deadlines clocks, int newVersion) {
        return new Assignment(appeal, title, street, enterpriseName, enterprisePhone, category, urgency,
                AppealStatus.TRIAGE, null, List.of(), triage.department(), clocks, newVersion, TRIAGE_RULE,
                triage.reason(), null, null, content, keyEnterprise, acceptedAt, repeatOf, trail);
    }

    AppealAssigned assignedEvent(String eventId, Instant now, String actor, String transferredFrom) {
        return new AppealAssigned(eventId, appeal, version, now, actor, lead, coHandlers, category, decidedBy, reason,
                deadlines, ruleVersion, transferredFrom);
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
     * The lead signs for (签收) the appeal: one member of staff owns it then. The same one signing again changes
     * nothing; anyone else is refused, so that of two clerks racing for it exactly one wins. An appeal signed before
     * the signer was recorded counts as the unit's.
     *
     * @param staff who signs, null for the unit itself
     * @return the change and its event, or empty when {@code staff} signed it already
     * @throws AlreadySignedException when someone else signed it
     */
    public Optional<Transition> sign(String unit, String staff, String eventId, Instant now) {
        boolean triageUnitsOwn = status == AppealStatus.TRIAGE && unit.equals(triageUnit);
        if (!unit.equals(lead) && !triageUnitsOwn) {
            throw new NotInQueueException(appealId(), unit);
        }
        String signer = staff == null || staff.isBlank() ? unit : staff.strip();
        if (status == AppealStatus.SIGNED) {
            if (signedBy == null || signedBy.equals(signer)) {
                return Optional.empty();
            }
            throw new AlreadySignedException(appealId(), signedBy);
        }
        if (status != AppealStatus.ASSIGNED && status != AppealStatus.REOPENED) {
            throw new WrongStatusException(appealId(), status, "signed for");
        }
        int next = version + 1;
        boolean withinDeadline = deadlines == null || deadlines.signBy() == null || !now.isAfter(deadlines.signBy());
        String actor = "staff:" + signer;
        Assignment after = withStatus(AppealStatus.SIGNED, deadlines, next).withSigner(signer);
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
                decision.reason()).withRuleVersion(null);
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
        if (event instanceof ExtensionDecided decided) {
            // A note on the stage it carries the version of: an approval moves the deadlines of that stage, and the
            // queue's order with them; a later stage brought its own clocks.
            return decided.approved() && decided.deadlines() != null && decided.version() >= version
                    ? Optional.of(withStatus(status, decided.deadlines(), version)) : Optional.empty();
        }
        if (event.version() <= version) {
            return Optional.empty();
        }
        int v = event.version();
        if (event instanceof AppealSigned signed) {
            String actor = signed.actor() == null ? null : signed.actor().replaceFirst("^staff:", "");
            return Optional.of(withStatus(AppealStatus.SIGNED, deadlines, v).withSigner(actor));
        }
        if (event instanceof AppealResponded) {
            return Optional.of(withStatus(AppealStatus.RESPONDED, deadlines, v));
        }
        if (event instanceof AppealReopened reopened) {
            return Optional.of(withStatus(AppealStatus.REOPENED,
                    reopened.deadlines() == null ? deadlines : reopened.deadlines(), v).withTrail(trail.withReopened()));
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

    Assignment withStatus(AppealStatus newStatus, Deadlines newDeadlines, int newVersion) {
        return with(newStatus, lead, coHandlers, triageUnit, newDeadlines, newVersion, decidedBy, reason);
    }

    Assignment with(AppealStatus newStatus, String newLead, List<String> newCoHandlers, String newTriageUnit,
                            Deadlines newDeadlines, int newVersion, String newDecidedBy, String newReason) {
        return new Assignment(appeal, title, street, enterpriseName, enterprisePhone, category, urgency, newStatus,
                newLead, newCoHandlers, newTriageUnit, newDeadlines, newVersion, newDecidedBy, newReason, ruleVersion,
                signedBy, content, keyEnterprise, acceptedAt, repeatOf, trail);
    }

    Assignment withSigner(String signer) {
        return new Assignment(appeal, title, street, enterpriseName, enterprisePhone, category, urgency, status, lead,
                coHandlers, triageUnit, deadlines, version, decidedBy, reason, ruleVersion, signer, content,
                keyEnterprise, acceptedAt, repeatOf, trail);
    }

    Assignment withRuleVersion(Integer newRuleVersion) {
        return new Assignment(appeal, title, street, enterpriseName, enterprisePhone, category, urgency, status, lead,
                coHandlers, triageUnit, deadlines, version, decidedBy, reason, newRuleVersion, signedBy, content,
                keyEnterprise, acceptedAt, repeatOf, trail);
    }

    Assignment withTrail(Trail newTrail) {
        return new Assignment(appeal, title, street, enterpriseName, enterprisePhone, category, urgency, status, lead,
                coHandlers, triageUnit, deadlines, version, decidedBy, reason, ruleVersion, signedBy, content,
                keyEnterprise, acceptedAt, repeatOf, newTrail);
    }
}
