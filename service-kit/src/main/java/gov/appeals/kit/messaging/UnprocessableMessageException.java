package gov.appeals.kit.messaging;

/**
 * A message that can never succeed, however often it is tried: unreadable, breaking the contract, or referring to a
 * state that cannot be. The only kind of failure that sends a message to the dead-letter topic before the retry
 * period is over; everything else is taken as transient and retried, holding the partition's order.
 */
public class UnprocessableMessageException extends RuntimeException {

    public UnprocessableMessageException(String message) {
        super(message);
    }

    public UnprocessableMessageException(String message, Throwable cause) {
        super(message, cause);
    }
}
