package gov.appeals.intake.rating;

import gov.appeals.events.Rating;

/** The enterprise's callback rating (回访) as the hotline reports it. */
public record RatingSubmission(Rating rating, Boolean resolved, String comment) {
}
