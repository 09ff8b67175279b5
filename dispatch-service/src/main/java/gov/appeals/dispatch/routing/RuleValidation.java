package gov.appeals.dispatch.routing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import gov.appeals.kit.web.FieldProblem;
import gov.appeals.reference.ReferenceData;

/**
 * The checks a candidate rule set passes before it is published, dry-run or replayed: every code it names exists in
 * the reference data, ids are unique, every rule has a lead. A problem is named by its path in the request body
 * ({@code rules[3].lead}), so that a supervisor's editor can point at the field.
 */
public final class RuleValidation {

    public static final int MAX_RULES = 500;
    public static final int MAX_KEYWORDS = 100;
    public static final int MAX_KEYWORD_LENGTH = 30;
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9:_.-]{0,63}");

    private RuleValidation() {
    }

    /** @param path where the rules sit in the request body, e.g. {@code rules} */
    public static List<FieldProblem> problems(String path, List<RoutingRule> rules, ReferenceData reference) {
        List<FieldProblem> problems = new ArrayList<>();
        if (rules.isEmpty() || rules.size() > MAX_RULES) {
            problems.add(new FieldProblem(path, "must hold from 1 to " + MAX_RULES + " rules"));
            return problems;
        }
        Map<String, Integer> ids = new HashMap<>();
        for (int i = 0; i < rules.size(); i++) {
            String at = path + "[" + i + "]";
            RoutingRule rule = rules.get(i);
            if (rule.id() == null || !ID.matcher(rule.id()).matches()) {
                problems.add(new FieldProblem(at + ".id", "is required: 1 to 64 letters, digits or :_.- , "
                        + "starting with a letter or digit"));
            } else if (ids.containsKey(rule.id())) {
                problems.add(new FieldProblem(at + ".id", "repeats the id of " + path + "[" + ids.get(rule.id())
                        + "]"));
            } else {
                ids.put(rule.id(), i);
            }
            lead(problems, at, rule, reference);
            match(problems, at + ".match", rule.match(), reference);
        }
        return problems;
    }

    private static void lead(List<FieldProblem> problems, String at, RoutingRule rule, ReferenceData reference) {
        if (rule.lead() == null || rule.lead().isBlank()) {
            problems.add(new FieldProblem(at + ".lead", "is required: a unit code, or STREET"));
        } else if (!rule.ledByStreet() && reference.unit(rule.lead()).isEmpty()) {
            problems.add(new FieldProblem(at + ".lead", "is not a known department or street/town code, nor STREET"));
        }
        Set<String> seen = new HashSet<>();
        for (int j = 0; j < rule.coHandlers().size(); j++) {
            String unit = rule.coHandlers().get(j);
            String field = at + ".coHandlers[" + j + "]";
            if (reference.unit(unit).isEmpty()) {
                problems.add(new FieldProblem(field, "is not a known department or street/town code"));
            } else if (unit.equals(rule.lead())) {
                problems.add(new FieldProblem(field, "is the lead already"));
            } else if (!seen.add(unit)) {
                problems.add(new FieldProblem(field, "is named twice"));
            }
        }
    }

    private static void match(List<FieldProblem> problems, String at, Match match, ReferenceData reference) {
        for (int j = 0; j < match.categories().size(); j++) {
            if (reference.category(match.categories().get(j)).isEmpty()) {
                problems.add(new FieldProblem(at + ".categories[" + j + "]", "is not a known category code"));
            }
        }
        for (int j = 0; j < match.streets().size(); j++) {
            if (reference.street(match.streets().get(j)).isEmpty()) {
                problems.add(new FieldProblem(at + ".streets[" + j + "]", "is not a known street/town code"));
            }
        }
        if (match.keywords().size() > MAX_KEYWORDS) {
            problems.add(new FieldProblem(at + ".keywords", "must hold at most " + MAX_KEYWORDS + " keywords"));
        }
        for (int j = 0; j < match.keywords().size(); j++) {
            String keyword = match.keywords().get(j);
            if (keyword.isBlank() || keyword.codePointCount(0, keyword.length()) > MAX_KEYWORD_LENGTH) {
                problems.add(new FieldProblem(at + ".keywords[" + j + "]",
                        "must be 1 to " + MAX_KEYWORD_LENGTH + " characters, not blank"));
            }
        }
    }
}
