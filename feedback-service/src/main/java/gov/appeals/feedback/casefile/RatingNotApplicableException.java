package gov.appeals.feedback.casefile;

/**
 * A rating arrived for a case that has not been answered (or is unknown here). Thrown so that the message is
 * retried and then parked in the dead-letter topic, from where it can be replayed, rather than silently dropped.
 */
public class RatingNotApplicableException extends RuntimeException {

    public RatingNotApplicableException(String message) {
        super(message);
    }
}
