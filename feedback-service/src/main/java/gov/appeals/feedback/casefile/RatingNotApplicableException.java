package gov.appeals.feedback.casefile;

import gov.appeals.events.AppealStatus;
import gov.appeals.kit.web.ConflictException;

/**
 * A rating arrived for a case that is not waiting for one: not answered, or unknown here. Waiting cannot help (the
 * appeal's events arrive in order, and the case becomes RESPONDED before its AppealResponded is even published), so
 * the consumer parks such a rating in the dead-letter topic, from where it can be replayed, rather than dropping it.
 */
public class RatingNotApplicableException extends ConflictException {

    private final transient AppealStatus status;

    public RatingNotApplicableException(String appealId, AppealStatus status) {
        super("Appeal " + appealId + " was rated "
                + (status == null ? "before feedback-service heard of it" : "while " + status)
                + "; only a RESPONDED appeal can be rated", status);
        this.status = status;
    }

    /** @return the case's status when the rating arrived, null when there was no case */
    public AppealStatus status() {
        return status;
    }
}
