package gov.appeals.feedback.casefile;

import gov.appeals.events.AppealStatus;

/** Only the lead department's signed-for case can be answered; this one is in another status. */
public class CaseNotAnswerableException extends RuntimeException {

    private final transient AppealStatus status;

    public CaseNotAnswerableException(String appealId, AppealStatus status) {
        super("Appeal " + appealId + " is " + status + "; only a SIGNED appeal can be answered");
        this.status = status;
    }

    public AppealStatus status() {
        return status;
    }
}
