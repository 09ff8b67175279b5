package gov.appeals.intake.rating.web;

import gov.appeals.events.Rating;
import gov.appeals.intake.rating.RatingSubmission;

/** The body of {@code POST /api/v1/appeals/{id}/rating}. */
public record RatingRequest(Rating rating, Boolean resolved, String comment) {

    RatingSubmission toSubmission() {
        return new RatingSubmission(rating, resolved, comment);
    }
}
