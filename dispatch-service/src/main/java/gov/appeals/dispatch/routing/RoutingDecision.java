package gov.appeals.dispatch.routing;

import java.util.List;

/** What the routing rules decided for one appeal. */
public sealed interface RoutingDecision {

    String reason();

    /**
     * A rule covered the appeal: it goes straight to the lead's queue.
     *
     * @param ruleId      the id of the rule that matched
     * @param ruleVersion the version of the rule set it belongs to
     */
    record Assign(String lead, List<String> coHandlers, String ruleId, int ruleVersion, String reason)
            implements RoutingDecision {
        public Assign {
            coHandlers = List.copyOf(coHandlers);
        }

        /** How an assignment names what decided it: {@code rule:<id>}. */
        public String decidedBy() {
            return "rule:" + ruleId;
        }
    }

    /** No rule covered it: the triage unit (区经委) decides. */
    record Triage(String department, String reason) implements RoutingDecision {
    }
}
