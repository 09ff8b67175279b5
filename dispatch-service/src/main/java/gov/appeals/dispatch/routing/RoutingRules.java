package gov.appeals.dispatch.routing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import gov.appeals.events.Source;
import gov.appeals.reference.Category;
import gov.appeals.reference.ReferenceData;

/**
 * Picks the lead and co-handling units for an accepted appeal (分派): the rules are tried by ascending priority (ties
 * in list order) and the first that matches decides, unless its lead already returned the appeal, in which case the
 * next one is tried. Whatever no rule covers goes to triage (兜底), with a reason saying why.
 */
public final class RoutingRules {

    /** The version number {@link #candidate} rules carry: they were never published. */
    public static final int CANDIDATE = 0;

    /** The built-in rule that sends a repeat (重复件) to the lead of the appeal it repeats. */
    public static final String REPEAT_RULE = "repeat";
    static final String JURISDICTION_RULE = "jurisdiction:offline";
    static final int JURISDICTION_PRIORITY = 10;
    static final int FIRST_CATEGORY_PRIORITY = 100;
    static final int PRIORITY_STEP = 10;

    private final int version;
    private final List<RoutingRule> rules;
    private final List<RoutingRule> byPriority;
    private final ReferenceData reference;
    private final String triageUnit;

    public RoutingRules(int version, List<RoutingRule> rules, ReferenceData reference) {
        this.version = version;
        this.rules = List.copyOf(rules);
        this.byPriority = this.rules.stream().sorted(Comparator.comparingInt(RoutingRule::priority)).toList();
        this.reference = reference;
        this.triageUnit = reference.triageUnit().code();
    }

    /** Rules that are not (yet) a version: what a dry run or a what-if tries. */
    public static RoutingRules candidate(List<RoutingRule> rules, ReferenceData reference) {
        return new RoutingRules(CANDIDATE, rules, reference);
    }

    /** The seed, version 1: the reference data's routing as rules. */
    public static RoutingRules from(ReferenceData reference) {
        return new RoutingRules(1, seed(reference), reference);
    }

    /**
     * The rules the reference data implies. First jurisdiction: an appeal taken in offline (at a street/town's
     * service centre or by a service commissioner) whose category is within a street's remit stays with the
     * street/town where the enterprise is. A street's remit is what no district department leads: the categories
     * categories.yaml gives to {@code STREET} and the catch-all, which would otherwise wait at triage although the
     * street centre has met the enterprise. Then one rule per category, in file order, to the lead it names. The
     * catch-all gets no rule of its own: for appeals from elsewhere, deciding it is what triage is for.
     */
    public static List<RoutingRule> seed(ReferenceData reference) {
        String triage = reference.triageUnit().code();
        List<RoutingRule> rules = new ArrayList<>();
        List<String> remit = reference.categories().stream()
                .filter(category -> category.ledByStreet() || isCatchAll(category, triage))
                .map(Category::code).toList();
        if (!remit.isEmpty()) {
            rules.add(new RoutingRule(JURISDICTION_RULE, JURISDICTION_PRIORITY,
                    new Match(remit, null, null, List.of(Source.STREET_CENTRE, Source.SERVICE_COMMISSIONER), null,
                            null),
                    RoutingRule.STREET, List.of(),
                    "Offline appeals within a street's remit go to the street/town where the enterprise is"));
        }
        int priority = FIRST_CATEGORY_PRIORITY;
        for (Category category : reference.categories()) {
            if (isCatchAll(category, triage)) {
                continue;
            }
            rules.add(new RoutingRule("category:" + category.code(), priority,
                    Match.categories(List.of(category.code())),
                    category.ledByStreet() ? RoutingRule.STREET : category.lead(), category.coHandlers(),
                    "The lead categories.yaml names for " + category.name()));
            priority += PRIORITY_STEP;
        }
        return List.copyOf(rules);
    }

    private static boolean isCatchAll(Category category, String triageUnit) {
        return category.keywords().isEmpty() && triageUnit.equals(category.lead());
    }

    public int version() {
        return version;
    }

    public boolean isCandidate() {
        return version == CANDIDATE;
    }

    /** In the order they were given (not necessarily by priority). */
    public List<RoutingRule> rules() {
        return rules;
    }

    /**
     * @param excluded the units that returned the appeal already: a rule leading there is passed over
     */
    public RoutingDecision route(AppealFacts facts, Set<String> excluded) {
        RoutingRule withoutStreet = null;
        List<RoutingRule> returnedBy = new ArrayList<>();
        for (RoutingRule rule : byPriority) {
            if (!rule.match().matches(facts)) {
                continue;
            }
            String lead = rule.ledByStreet() ? facts.street() : rule.lead();
            if (rule.ledByStreet() && reference.street(lead).isEmpty()) {
                withoutStreet = withoutStreet == null ? rule : withoutStreet;
            } else if (excluded.contains(lead)) {
                returnedBy.add(rule);
            } else {
                return assign(rule, lead, facts);
            }
        }
        return new RoutingDecision.Triage(triageUnit, whyTriage(facts, withoutStreet, returnedBy));
    }

    /**
     * The built-in rule before every version's own: a repeat (重复件) goes to the department leading the appeal it
     * repeats, with the same co-handlers, so that one department answers the problem once and sees it came again.
     */
    public RoutingDecision.Assign repeat(String repeatedNumber, String lead, List<String> coHandlers) {
        return new RoutingDecision.Assign(lead, coHandlers.stream().filter(unit -> !unit.equals(lead)).toList(),
                REPEAT_RULE, version, "A repeat (重复件) of appeal " + repeatedNumber + ", which " + unit(lead)
                        + " leads: the same lead answers it.");
    }

    private RoutingDecision assign(RoutingRule rule, String lead, AppealFacts facts) {
        List<String> coHandlers = rule.coHandlers().stream().filter(unit -> !unit.equals(lead)).distinct().toList();
        String leads = rule.ledByStreet()
                ? "handled by the street/town where the enterprise is: " + unit(lead)
                : "led by " + unit(lead);
        return new RoutingDecision.Assign(lead, coHandlers, rule.id(), version,
                "Rule " + rule.id() + " (" + matched(rule.match(), facts) + ") is " + leads + ".");
    }

    private String whyTriage(AppealFacts facts, RoutingRule withoutStreet, List<RoutingRule> returnedBy) {
        String decides = ", so " + unit(triageUnit) + " decides who leads.";
        if (!returnedBy.isEmpty()) {
            return "Every department a matching rule names ("
                    + returnedBy.stream().map(RoutingRule::id).collect(Collectors.joining(", "))
                    + ") has returned the appeal" + decides;
        }
        if (withoutStreet != null) {
            return "Rule " + withoutStreet.id() + " (" + matched(withoutStreet.match(), facts) + ") is handled by the "
                    + "enterprise's street/town, but the appeal names no known street/town" + decides;
        }
        if (facts.category() == null && !facts.candidates().isEmpty()) {
            return "Intake's model was not confident enough to choose a category (candidates: "
                    + facts.candidates().stream()
                            .map(c -> category(c.category()) + " " + String.format(Locale.ROOT, "%.2f", c.confidence()))
                            .collect(Collectors.joining(", "))
                    + ") and no routing rule covers it" + decides;
        }
        if (facts.category() == null) {
            return "Intake could not classify the appeal and no routing rule covers it" + decides;
        }
        return "No routing rule covers category " + category(facts.category()) + decides;
    }

    /** The criteria of the match that held, as a person reads them. */
    private String matched(Match match, AppealFacts facts) {
        List<String> parts = new ArrayList<>();
        if (!match.categories().isEmpty()) {
            parts.add("category " + category(facts.category()));
        }
        if (!match.streets().isEmpty()) {
            parts.add("street/town " + unit(facts.street()));
        }
        if (!match.urgencies().isEmpty()) {
            parts.add("urgency " + facts.urgency());
        }
        if (!match.sources().isEmpty()) {
            parts.add("source " + facts.source());
        }
        if (match.keyEnterprise() != null) {
            parts.add(match.keyEnterprise() ? "a key enterprise" : "not a key enterprise");
        }
        if (!match.keywords().isEmpty()) {
            parts.add("keyword " + match.keywords().stream().filter(facts.text()::contains).findFirst().orElseThrow());
        }
        return parts.isEmpty() ? "any appeal" : String.join(", ", parts);
    }

    private String category(String code) {
        return reference.category(code).map(c -> c.name() + " (" + code + ")").orElse(code);
    }

    private String unit(String code) {
        return reference.unit(code).map(u -> u.name() + " (" + code + ")").orElse(code);
    }
}
