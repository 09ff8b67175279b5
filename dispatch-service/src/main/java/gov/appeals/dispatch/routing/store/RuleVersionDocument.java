package gov.appeals.dispatch.routing.store;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import gov.appeals.dispatch.routing.Match;
import gov.appeals.dispatch.routing.RoutingRule;
import gov.appeals.dispatch.routing.RuleVersion;
import gov.appeals.events.Source;
import gov.appeals.events.Urgency;

/**
 * One version of the rule set, keyed by its number: two instances publishing the same next version collide on the
 * key, so exactly one wins.
 */
@Document(collection = RuleVersionDocument.COLLECTION)
record RuleVersionDocument(@Id int version, String author, Instant at, String why, Integer basedOn,
                           List<RuleDocument> rules) {

    static final String COLLECTION = "routing_rule_versions";

    /** The rule with its match flattened; {@code ruleId} rather than {@code id}, which Mongo mapping reserves. */
    record RuleDocument(String ruleId, int priority, List<String> categories, List<String> streets,
                        List<Urgency> urgencies, List<Source> sources, Boolean keyEnterprise, List<String> keywords,
                        String lead, List<String> coHandlers, String note) {

        static RuleDocument of(RoutingRule rule) {
            Match m = rule.match();
            return new RuleDocument(rule.id(), rule.priority(), m.categories(), m.streets(), m.urgencies(),
                    m.sources(), m.keyEnterprise(), m.keywords(), rule.lead(), rule.coHandlers(), rule.note());
        }

        RoutingRule rule() {
            return new RoutingRule(ruleId, priority,
                    new Match(categories, streets, urgencies, sources, keyEnterprise, keywords), lead, coHandlers,
                    note);
        }
    }

    static RuleVersionDocument of(RuleVersion version) {
        return new RuleVersionDocument(version.version(), version.author(), version.at(), version.why(),
                version.basedOn(), version.rules().stream().map(RuleDocument::of).toList());
    }

    RuleVersion toVersion() {
        return new RuleVersion(version, rules == null ? List.of() : rules.stream().map(RuleDocument::rule).toList(),
                author, at, why, basedOn);
    }
}
