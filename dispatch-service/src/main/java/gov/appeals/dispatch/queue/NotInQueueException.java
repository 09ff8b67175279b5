package gov.appeals.dispatch.queue;

import gov.appeals.kit.web.NotFoundException;

public class NotInQueueException extends NotFoundException {
    public NotInQueueException(String appealId, String unit) {
        super("Appeal " + appealId + " is not in this department's queue (" + unit + ").");
    }
}
