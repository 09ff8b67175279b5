package gov.appeals.feedback.casefile.web;

import gov.appeals.kit.web.NotFoundException;

/** No case for this appeal: feedback-service has seen no event about it (404). */
public class CaseNotFoundException extends NotFoundException {

    public CaseNotFoundException(String appealId) {
        super("No case for appeal " + appealId);
    }
}
