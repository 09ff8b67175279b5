package gov.appeals.dispatch.queue;

import gov.appeals.events.AppealStatus;

/** The appeal is in a status that does not allow the action. */
public class WrongStatusException extends RuntimeException {

    private final AppealStatus status;

    public WrongStatusException(String appealId, AppealStatus status, String action) {
        super("Appeal " + appealId + " is " + status + " and cannot be " + action + ".");
        this.status = status;
    }

    public AppealStatus status() {
        return status;
    }
}
