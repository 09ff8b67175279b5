package gov.appeals.intake.rating;

import gov.appeals.events.AppealStatus;
import gov.appeals.kit.web.ConflictException;

/** A rating the appeal's current state does not allow; answered 409 with the current status. */
public class RatingConflictException extends ConflictException {

    public RatingConflictException(AppealStatus status, String message) {
        super(message, status);
    }
}
