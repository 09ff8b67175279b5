package gov.appeals.feedback.casefile;

import gov.appeals.events.AppealStatus;
import gov.appeals.kit.web.ConflictException;

/** Only the lead department's signed-for case can be answered; this one is in another status (409). */
public class CaseNotAnswerableException extends ConflictException {

    private final transient AppealStatus status;

    public CaseNotAnswerableException(String appealId, AppealStatus status) {
        super("Appeal " + appealId + " is " + status + "; only a SIGNED appeal can be answered", status);
        this.status = status;
    }

    public AppealStatus status() {
        return status;
    }
}
