package gov.appeals.feedback.casefile;

import gov.appeals.events.AppealEvent;

/**
 * What feedback-service decided on a rating: the AppealClosed or AppealReopened it announced, kept so that a
 * redelivered rating gets the very same event (same id) back.
 */
public record Outcome(String ratingEventId, AppealEvent event) {
}
