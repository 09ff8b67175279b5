package gov.appeals.dispatch.queue;

import gov.appeals.events.AppealStatus;
import gov.appeals.kit.web.ConflictException;

/** The appeal is in a status that does not allow the action: 409 with the status as {@code currentStatus}. */
public class WrongStatusException extends ConflictException {

    private final AppealStatus status;

    public WrongStatusException(String appealId, AppealStatus status, String action) {
        super("Appeal " + appealId + " is " + status + " and cannot be " + action + ".", status);
        this.status = status;
    }

    public AppealStatus status() {
        return status;
    }
}
