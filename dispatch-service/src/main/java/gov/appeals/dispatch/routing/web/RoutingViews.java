package gov.appeals.dispatch.routing.web;

import java.time.Instant;
import java.util.List;

import gov.appeals.dispatch.routing.RoutingDecision;
import gov.appeals.dispatch.routing.RoutingRule;
import gov.appeals.dispatch.routing.RoutingRules;
import gov.appeals.dispatch.routing.RuleVersion;

/** What the routing endpoints answer. */
public final class RoutingViews {

    private RoutingViews() {
    }

    /** A version with its rules. */
    public record Version(int version, boolean active, String author, Instant at, String why, Integer basedOn,
                          List<RoutingRule> rules) {

        static Version of(RuleVersion version, boolean active) {
            return new Version(version.version(), active, version.author(), version.at(), version.why(),
                    version.basedOn(), version.rules());
        }
    }

    /** A version in the history list: who, when and why, not the rules. */
    public record Summary(int version, boolean active, String author, Instant at, String why, Integer basedOn) {

        static Summary of(RuleVersion version, boolean active) {
            return new Summary(version.version(), active, version.author(), version.at(), version.why(),
                    version.basedOn());
        }
    }

    /**
     * Where one appeal would go.
     *
     * @param lead        the lead unit, or the triage unit when {@code triage}
     * @param ruleVersion the version that decided; null for candidate rules and for triage
     */
    public record Outcome(String lead, List<String> coHandlers, String ruleId, Integer ruleVersion, String reason,
                          boolean triage) {

        static Outcome of(RoutingDecision decision) {
            if (decision instanceof RoutingDecision.Assign a) {
                return new Outcome(a.lead(), a.coHandlers(), a.ruleId(),
                        a.ruleVersion() == RoutingRules.CANDIDATE ? null : a.ruleVersion(), a.reason(), false);
            }
            RoutingDecision.Triage t = (RoutingDecision.Triage) decision;
            return new Outcome(t.department(), List.of(), null, null, t.reason(), true);
        }
    }

    /** @param version the published version tried, null for candidate rules */
    public record DryRun(Integer version, List<Outcome> results) {
    }
}
