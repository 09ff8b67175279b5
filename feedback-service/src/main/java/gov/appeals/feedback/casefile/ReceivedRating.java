package gov.appeals.feedback.casefile;

import java.time.Instant;

import gov.appeals.events.Rating;

/** The enterprise's callback rating (回访) as the case keeps it. */
public record ReceivedRating(Rating rating, Boolean resolved, String comment, Instant ratedAt, String eventId) {
}
