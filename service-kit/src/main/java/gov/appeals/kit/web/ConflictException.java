package gov.appeals.kit.web;

/**
 * The request is well-formed but the resource's current state does not allow it: answered 409, with the state it is
 * in as {@code currentStatus} so that a client can decide what to do next without another read.
 */
public class ConflictException extends RuntimeException {

    private final String currentStatus;

    public ConflictException(String message, Object currentStatus) {
        super(message);
        this.currentStatus = currentStatus == null ? null : currentStatus.toString();
    }

    public String currentStatus() {
        return currentStatus;
    }
}
