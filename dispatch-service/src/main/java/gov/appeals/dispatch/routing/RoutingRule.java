package gov.appeals.dispatch.routing;

import java.util.List;

/**
 * One routing rule: appeals of {@code category} go to {@code lead}, helped by {@code coHandlers}. A rule is data so
 * that a supervisor can later change it at run time without a release.
 *
 * @param lead a unit code, or {@code null} when the street/town where the enterprise is leads
 */
public record RoutingRule(String category, String categoryName, String lead, List<String> coHandlers) {

    public RoutingRule {
        coHandlers = coHandlers == null ? List.of() : List.copyOf(coHandlers);
    }

    public boolean ledByStreet() {
        return lead == null;
    }

    public String id() {
        return "rule:category:" + category;
    }
}
