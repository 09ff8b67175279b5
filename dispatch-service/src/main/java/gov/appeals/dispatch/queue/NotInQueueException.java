package gov.appeals.dispatch.queue;

public class NotInQueueException extends RuntimeException {
    public NotInQueueException(String appealId, String unit) {
        super("Appeal " + appealId + " is not in this department's queue (" + unit + ").");
    }
}
