package gov.appeals.dispatch.queue;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;

import gov.appeals.dispatch.routing.RoutingDecision;
import gov.appeals.dispatch.routing.RoutingRules;
import gov.appeals.events.AppealReturned;
import gov.appeals.events.AppealSentToTriage;
import gov.appeals.events.AppealStatus;
import gov.appeals.events.ReturnReason;

/**
 * A lead returns a misrouted appeal (退单). What keeps an appeal from flying between departments:
 * <ul>
 *   <li>the return names a reason and who returned it, and counts against the returning department;</li>
 *   <li>the appeal is routed again at once, excluding every department that returned it, and its clocks keep
 *       running;</li>
 *   <li>the second return sends it to triage, whose decision is final: a triage decision cannot be returned (the
 *       department may only ask a supervisor), nor can a department return the same appeal twice;</li>
 *   <li>a street/town escalates what it cannot solve to the district (triage), and a duplicate goes to triage too,
 *       which decides what becomes of it.</li>
 * </ul>
 */
public final class ReturnAppeal {

    /** How many returns send an appeal to triage rather than to yet another department. */
    public static final int RETURNS_BEFORE_TRIAGE = 2;

    /**
     * @param unit the returning department, which must lead the appeal
     */
    public record Request(String unit, ReturnReason reason, String text, String staff) {
    }

    private ReturnAppeal() {
    }

    /**
     * @param triageUnit the unit that decides what the rules cannot (区经委)
     * @param isStreet   whether a unit is a street/town (their returns of what they cannot solve go to the district)
     * @param ids        new event ids
     * @return the return and the re-routing, announced in that order
     */
    public static Transition decide(Assignment appeal, Request request, RoutingRules rules, String triageUnit,
                                    Predicate<String> isStreet, Supplier<String> ids, Instant now) {
        if (!request.unit().equals(appeal.lead()) || appeal.status() == AppealStatus.TRIAGE
                || !Assignment.openStatuses().contains(appeal.status())) {
            throw new NotInQueueException(appeal.appealId(), request.unit());
        }
        if (appeal.status() != AppealStatus.ASSIGNED && appeal.status() != AppealStatus.SIGNED) {
            throw new WrongStatusException(appeal.appealId(), appeal.status(),
                    "returned: a reopened appeal stays with the department that answered it");
        }
        if (appeal.decidedBy() != null && appeal.decidedBy().startsWith("triage:")) {
            throw new ActionRefusedException(appeal, "Appeal " + appeal.appealId() + " was assigned by the triage "
                    + "unit, whose decision is final: ask a supervisor instead of returning it.");
        }
        if (appeal.trail().returnedBy(request.unit())) {
            throw new ActionRefusedException(appeal, request.unit() + " returned appeal " + appeal.appealId()
                    + " once already and cannot return it again.");
        }
        String staff = request.staff();
        Trail trail = appeal.trail().withReturn(new Trail.Returned(request.unit(), request.reason(),
                request.text(), staff, now));
        int returns = trail.returns().size();
        int returnedVersion = appeal.version() + 1;
        AppealReturned returned = new AppealReturned(ids.get(), appeal.appeal(), returnedVersion, now,
                "staff:" + staff, request.unit(), request.reason(), request.text(), returns);

        Set<String> excluded = new LinkedHashSet<>();
        trail.returns().forEach(r -> excluded.add(r.department()));
        String why = "Returned by " + request.unit() + " (" + request.reason() + ")";
        RoutingDecision decision = toTriage(request, returns, isStreet)
                .<RoutingDecision>map(reason -> new RoutingDecision.Triage(triageUnit, why + ": " + reason))
                .orElseGet(() -> rerouted(rules.route(appeal.facts(), excluded), why));
        int next = returnedVersion + 1;
        if (decision instanceof RoutingDecision.Assign assign) {
            Assignment after = appeal.withTrail(trail).routed(assign, appeal.deadlines(), next);
            return new Transition(appeal, after, List.of(returned,
                    after.assignedEvent(ids.get(), now, Assignment.ACTOR, null)));
        }
        RoutingDecision.Triage triage = (RoutingDecision.Triage) decision;
        Assignment after = appeal.withTrail(trail).toTriage(triage, appeal.deadlines(), next);
        return new Transition(appeal, after, List.of(returned, new AppealSentToTriage(ids.get(),
                appeal.appeal(), next, now, Assignment.ACTOR, triage.department(), triage.reason(),
                appeal.deadlines(), false)));
    }

    private static Optional<String> toTriage(Request request, int returns, Predicate<String> isStreet) {
        if (returns >= RETURNS_BEFORE_TRIAGE) {
            return Optional.of("returned " + returns + " times, so the triage unit decides who leads.");
        }
        if (request.reason() == ReturnReason.BEYOND_STREET_CAPACITY && isStreet.test(request.unit())) {
            return Optional.of("the street/town escalates it to the district.");
        }
        if (request.reason() == ReturnReason.DUPLICATE) {
            return Optional.of("the triage unit decides what becomes of a duplicate.");
        }
        return Optional.empty();
    }

    private static RoutingDecision rerouted(RoutingDecision decision, String why) {
        if (decision instanceof RoutingDecision.Assign assign) {
            return new RoutingDecision.Assign(assign.lead(), assign.coHandlers(), assign.ruleId(),
                    assign.ruleVersion(), why + "; " + assign.reason());
        }
        return new RoutingDecision.Triage(((RoutingDecision.Triage) decision).department(),
                why + "; " + decision.reason());
    }
}
