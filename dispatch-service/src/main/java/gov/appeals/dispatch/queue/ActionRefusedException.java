package gov.appeals.dispatch.queue;

import gov.appeals.kit.web.ConflictException;

/** The appeal's history does not allow the action (a second return, a return of a triage decision …): 409. */
public class ActionRefusedException extends ConflictException {

    public ActionRefusedException(Assignment assignment, String message) {
        super(message, assignment.status());
    }
}
