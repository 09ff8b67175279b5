package gov.appeals.notification.hotline;

/**
 * The 12345 system did not confirm a callback (non-2xx answer, timeout, connection refused). Thrown to the binder
 * on purpose: it retries the event and finally parks it on the dead-letter topic with this message.
 */
public class CallbackFailedException extends RuntimeException {

    public CallbackFailedException(String message) {
        super(message);
    }

    public CallbackFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
