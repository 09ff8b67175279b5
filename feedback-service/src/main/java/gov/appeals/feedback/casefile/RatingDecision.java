package gov.appeals.feedback.casefile;

import gov.appeals.events.AppealEvent;

/**
 * The result of a rating.
 *
 * @param file         the case after the rating
 * @param announcement the AppealClosed or AppealReopened to publish, or null when there is nothing to say
 * @param changed      whether {@code file} differs from the case before, i.e. must be stored
 */
public record RatingDecision(CaseFile file, AppealEvent announcement, boolean changed) {
}
