package gov.appeals.dispatch.routing;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletionStage;

/** The appeals routed in a period, as a what-if replays them; the queue's store keeps them. */
public interface RoutingHistory {

    /**
     * One appeal as it was routed.
     *
     * @param firstLead the lead the rules first chose, null when it went to triage
     * @param returned  whether any department returned it
     * @param reopened  whether a dissatisfied rating reopened it
     */
    record PastRouting(String appealId, AppealFacts facts, String firstLead, Integer ruleVersion, boolean returned,
                       boolean reopened, Instant acceptedAt) {
    }

    /** The appeals accepted in [{@code from}, {@code to}), oldest first. */
    CompletionStage<List<PastRouting>> acceptedBetween(Instant from, Instant to);
}
