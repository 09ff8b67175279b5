package gov.appeals.notification.callback.web;

/**
 * The 12345 system answered that it will never take this callback (a 4xx that sending it again cannot change: 400,
 * 404, 409, 410, 413, 422 ...). Retrying would hold every later callback of the partition for days for nothing, so
 * the event is dead-lettered at once with this message; an operator replays it once 12345 has fixed its side.
 */
public class CallbackRefusedException extends RuntimeException {

    private final int httpStatus;

    public CallbackRefusedException(String message, int httpStatus) {
        super(message);
        this.httpStatus = httpStatus;
    }

    public int httpStatus() {
        return httpStatus;
    }
}
