package gov.appeals.dispatch.routing;

import java.util.List;

import gov.appeals.events.Source;
import gov.appeals.events.Urgency;

/**
 * What a rule matches: every criterion given must hold; an empty list (or a null flag) matches anything. Within one
 * criterion any listed value will do.
 *
 * @param keyEnterprise true: only key enterprises (重点企业); false: only the others; null: either
 * @param keywords      any one of them contained in the appeal's title or content
 */
public record Match(List<String> categories, List<String> streets, List<Urgency> urgencies, List<Source> sources,
                    Boolean keyEnterprise, List<String> keywords) {

    public static final Match ANY = new Match(null, null, null, null, null, null);

    public Match {
        categories = categories == null ? List.of() : List.copyOf(categories);
        streets = streets == null ? List.of() : List.copyOf(streets);
        urgencies = urgencies == null ? List.of() : List.copyOf(urgencies);
        sources = sources == null ? List.of() : List.copyOf(sources);
        keywords = keywords == null ? List.of() : List.copyOf(keywords);
    }

    public static Match categories(List<String> categories) {
        return new Match(categories, null, null, null, null, null);
    }

    public boolean matches(AppealFacts facts) {
        return anyOf(categories, facts.category()) && anyOf(streets, facts.street())
                && anyOf(urgencies, facts.urgency()) && anyOf(sources, facts.source())
                && (keyEnterprise == null || keyEnterprise == facts.keyEnterprise())
                && (keywords.isEmpty() || facts.text() != null && keywords.stream().anyMatch(facts.text()::contains));
    }

    /** Immutable lists refuse to look for null, which an unclassified appeal or an unknown street is. */
    private static <T> boolean anyOf(List<T> allowed, T value) {
        return allowed.isEmpty() || value != null && allowed.contains(value);
    }
}
