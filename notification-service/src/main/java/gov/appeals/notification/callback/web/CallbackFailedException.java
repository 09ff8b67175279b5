package gov.appeals.notification.callback.web;

/**
 * The 12345 system did not confirm a callback, for a reason that passes: it answered 5xx (or 401/403/408/425/429,
 * or a redirect), did not answer in time, or refused the connection. Transient: the consumer's error handling tries
 * the event again, with capped back-off, holding the appeal's later stages behind it, for as long as
 * {@code appeals.messaging.retry-for}; being down is never a reason to dead-letter a callback.
 */
public class CallbackFailedException extends RuntimeException {

    public CallbackFailedException(String message) {
        super(message);
    }

    public CallbackFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
