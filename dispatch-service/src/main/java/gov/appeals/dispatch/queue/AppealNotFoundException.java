package gov.appeals.dispatch.queue;

public class AppealNotFoundException extends RuntimeException {
    public AppealNotFoundException(String appealId) {
        super("Appeal " + appealId + " has not been routed by dispatch.");
    }
}
