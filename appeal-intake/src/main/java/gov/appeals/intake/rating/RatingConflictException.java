package gov.appeals.intake.rating;

import gov.appeals.events.AppealStatus;

/** A rating the appeal's current state does not allow; answered 409 with the current status. */
public class RatingConflictException extends RuntimeException {

    private final AppealStatus status;

    public RatingConflictException(AppealStatus status, String message) {
        super(message);
        this.status = status;
    }

    public AppealStatus status() {
        return status;
    }
}
