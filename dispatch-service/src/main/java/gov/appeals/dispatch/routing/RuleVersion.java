package gov.appeals.dispatch.routing;

import java.time.Instant;
import java.util.List;

/**
 * One version of the rule set. Versions only grow: an edit or a rollback writes the next one, and the highest is the
 * active one, so the history of who changed what, when and why stays linear.
 *
 * @param author  the user who published it ({@code system} for the seed)
 * @param basedOn the version it was edited from, or rolled back to; null for the seed
 */
public record RuleVersion(int version, List<RoutingRule> rules, String author, Instant at, String why,
                          Integer basedOn) {

    public RuleVersion {
        rules = List.copyOf(rules);
    }
}
