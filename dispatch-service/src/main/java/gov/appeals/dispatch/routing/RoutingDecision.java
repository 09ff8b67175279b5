package gov.appeals.dispatch.routing;

import java.util.List;

/** What the routing rules decided for one accepted appeal. */
public sealed interface RoutingDecision {

    String reason();

    /** A rule covered the appeal: it goes straight to the lead's queue. */
    record Assign(String lead, List<String> coHandlers, String decidedBy, String reason) implements RoutingDecision {
        public Assign {
            coHandlers = List.copyOf(coHandlers);
        }
    }

    /** No rule covered it: the triage unit (区经委) decides. */
    record Triage(String department, String reason) implements RoutingDecision {
    }
}
