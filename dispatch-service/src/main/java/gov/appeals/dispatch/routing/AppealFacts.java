package gov.appeals.dispatch.routing;

import gov.appeals.events.Source;
import gov.appeals.events.Urgency;

/**
 * What routing rules match on, as intake accepted the appeal.
 *
 * @param category the category intake classified it into, null when none matched
 * @param street   the street/town code where the enterprise is, null when unknown
 * @param text     title and content, which keyword rules search
 */
public record AppealFacts(String category, String street, Urgency urgency, Source source, boolean keyEnterprise,
                          String text) {
}
