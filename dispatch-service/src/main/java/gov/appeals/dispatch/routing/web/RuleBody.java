package gov.appeals.dispatch.routing.web;

import java.util.ArrayList;
import java.util.List;

import gov.appeals.dispatch.routing.Match;
import gov.appeals.dispatch.routing.RoutingRule;
import gov.appeals.kit.web.FieldProblem;
import gov.appeals.kit.web.TextRules;

/**
 * One rule as a request carries it.
 *
 * @param priority lower goes first; required
 * @param match    what it matches; absent matches every appeal
 * @param lead     a unit code, or {@code STREET} for the street/town where the enterprise is
 */
public record RuleBody(String id, Integer priority, Match match, String lead, List<String> coHandlers, String note) {

    private RoutingRule rule(boolean coHandlersUsable) {
        return new RoutingRule(id, priority == null ? 0 : priority, match, lead,
                coHandlersUsable ? coHandlers : List.of(), note);
    }

    /**
     * The rules of a request, with what binding alone cannot check: a priority given, no null co-handler, notes of
     * sane length.
     */
    static List<RoutingRule> rules(List<FieldProblem> problems, String path, List<RuleBody> bodies, TextRules text) {
        if (bodies == null) {
            problems.add(new FieldProblem(path, "is required"));
            return List.of();
        }
        List<RoutingRule> rules = new ArrayList<>();
        for (int i = 0; i < bodies.size(); i++) {
            RuleBody body = bodies.get(i);
            String at = path + "[" + i + "]";
            if (body == null) {
                problems.add(new FieldProblem(at, "is required"));
                continue;
            }
            if (body.priority() == null) {
                problems.add(new FieldProblem(at + ".priority", "is required"));
            }
            boolean coHandlersUsable = body.coHandlers() == null || !body.coHandlers().contains(null);
            if (!coHandlersUsable) {
                problems.add(new FieldProblem(at + ".coHandlers", "must not hold null"));
            }
            text.optionalLong(problems, at + ".note", body.note());
            rules.add(body.rule(coHandlersUsable));
        }
        return rules;
    }
}
