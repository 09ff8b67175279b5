package gov.appeals.dispatch.routing;

import java.util.List;

/**
 * One routing rule, data a supervisor edits at run time: appeals it {@code match}es go to {@code lead}, helped by
 * {@code coHandlers}. Rules are tried by ascending {@code priority}; the first that matches (and whose lead has not
 * returned the appeal already) decides.
 *
 * @param id   stable and unique within a version; an assignment names it as {@code rule:<id>}
 * @param lead a unit code, or {@link #STREET} for the street/town where the enterprise is
 * @param note why the rule exists (a regulation, a decision of the district), optional
 */
public record RoutingRule(String id, int priority, Match match, String lead, List<String> coHandlers, String note) {

    public static final String STREET = "STREET";

    public RoutingRule {
        match = match == null ? Match.ANY : match;
        coHandlers = coHandlers == null ? List.of() : List.copyOf(coHandlers);
    }

    public boolean ledByStreet() {
        return STREET.equals(lead);
    }
}
