package gov.appeals.dispatch.routing;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import gov.appeals.reference.Category;
import gov.appeals.reference.ReferenceData;

/**
 * Picks the lead and co-handling units for an accepted appeal (分派). Whatever no rule covers — no category, an
 * unknown one, or the catch-all category whose default lead is the triage unit itself — goes to triage (兜底).
 */
public final class RoutingRules {

    private final Map<String, RoutingRule> rulesByCategory;
    private final Map<String, String> unitNames;
    private final String triageUnit;

    public RoutingRules(List<RoutingRule> rules, Map<String, String> unitNames, String triageUnit) {
        Map<String, RoutingRule> byCategory = new LinkedHashMap<>();
        rules.forEach(rule -> byCategory.put(rule.category(), rule));
        this.rulesByCategory = Collections.unmodifiableMap(byCategory);
        this.unitNames = Map.copyOf(unitNames);
        this.triageUnit = triageUnit;
    }

    /** The default rules: one per reference category except the catch-all, which is what triage is for. */
    public static RoutingRules from(ReferenceData reference) {
        String triage = reference.triageUnit().code();
        List<RoutingRule> rules = reference.categories().stream()
                .filter(category -> !isCatchAll(category, triage))
                .map(category -> new RoutingRule(category.code(), category.name(),
                        category.ledByStreet() ? null : category.lead(), category.coHandlers()))
                .toList();
        Map<String, String> names = new LinkedHashMap<>();
        reference.units().forEach(unit -> names.put(unit.code(), unit.name()));
        return new RoutingRules(rules, names, triage);
    }

    private static boolean isCatchAll(Category category, String triageUnit) {
        return category.keywords().isEmpty() && triageUnit.equals(category.lead());
    }

    public List<RoutingRule> rules() {
        return List.copyOf(rulesByCategory.values());
    }

    public Optional<RoutingRule> ruleFor(String category) {
        return Optional.ofNullable(category == null ? null : rulesByCategory.get(category));
    }

    /**
     * @param category the category intake classified the appeal into, null when none matched
     * @param street   the street/town code where the enterprise is, used by street-led categories
     */
    public RoutingDecision route(AppealFacts facts, java.util.Set<String> excluded) {
        RoutingDecision decision = route(facts.category(), facts.street());
        if (decision instanceof RoutingDecision.Assign assign && excluded.contains(assign.lead())) {
            return triage("Every department a rule names has returned the appeal, so " + describe(triageUnit)
                    + " decides who leads.");
        }
        return decision;
    }

    public int version() {
        return 1;
    }

    public RoutingDecision route(String category, String street) {
        if (category == null) {
            return triage("Intake could not classify the appeal, so " + describe(triageUnit) + " decides who leads.");
        }
        Optional<RoutingRule> found = ruleFor(category);
        if (found.isEmpty()) {
            return triage("No routing rule covers category " + category + ", so " + describe(triageUnit)
                    + " decides who leads.");
        }
        RoutingRule rule = found.get();
        if (rule.ledByStreet()) {
            if (street == null || !unitNames.containsKey(street)) {
                return triage("Category " + rule.categoryName() + " (" + category + ") is handled by the enterprise's "
                        + "street/town, but the appeal names no known street/town, so " + describe(triageUnit)
                        + " decides who leads.");
            }
            return assign(rule, street, "Category " + rule.categoryName() + " (" + category
                    + ") is handled by the street/town where the enterprise is: " + describe(street) + ".");
        }
        return assign(rule, rule.lead(), "Category " + rule.categoryName() + " (" + category + ") is led by "
                + describe(rule.lead()) + ".");
    }

    private RoutingDecision assign(RoutingRule rule, String lead, String reason) {
        List<String> coHandlers = rule.coHandlers().stream().filter(unit -> !unit.equals(lead)).distinct().toList();
        return new RoutingDecision.Assign(lead, coHandlers, rule.id().substring("rule:".length()), version(), reason);
    }

    private RoutingDecision triage(String reason) {
        return new RoutingDecision.Triage(triageUnit, reason);
    }

    private String describe(String unit) {
        return unitNames.getOrDefault(unit, unit) + " (" + unit + ")";
    }
}
