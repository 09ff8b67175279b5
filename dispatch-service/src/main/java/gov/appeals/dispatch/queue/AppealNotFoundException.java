package gov.appeals.dispatch.queue;

import gov.appeals.kit.web.NotFoundException;

public class AppealNotFoundException extends NotFoundException {
    public AppealNotFoundException(String appealId) {
        super("Appeal " + appealId + " has not been routed by dispatch.");
    }
}
