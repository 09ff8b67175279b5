package gov.appeals.dispatch.routing;

import java.util.List;

import gov.appeals.events.Classification;
import gov.appeals.events.Source;
import gov.appeals.events.Urgency;

/**
 * What routing rules match on, as intake accepted the appeal.
 *
 * @param category the category intake classified it into, null when none matched
 * @param street   the street/town code where the enterprise is, null when unknown
 * @param text     title and content, which keyword rules search
 * @param candidates the categories intake's model found most likely, when it was not confident enough to choose one
 *                   (empty otherwise): triage reads them in the reason
 */
public record AppealFacts(String category, String street, Urgency urgency, Source source, boolean keyEnterprise,
                          String text, List<Classification.Candidate> candidates) {

    public AppealFacts {
        candidates = candidates == null ? List.of() : List.copyOf(candidates);
    }

    public AppealFacts(String category, String street, Urgency urgency, Source source, boolean keyEnterprise,
                       String text) {
        this(category, street, urgency, source, keyEnterprise, text, List.of());
    }
}
