package gov.appeals.feedback.casefile;

import gov.appeals.kit.web.ConflictException;

/** The case's state does not allow the supervision step asked for (409), with the reason in words. */
public class SupervisionConflictException extends ConflictException {

    public SupervisionConflictException(String message, Object currentStatus) {
        super(message, currentStatus);
    }
}
