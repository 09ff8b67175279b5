package gov.appeals.notification.delivery;

/** No event of this appeal has reached this service (yet): it is unknown here. */
public class UnknownAppealException extends RuntimeException {

    public UnknownAppealException(String appealId) {
        super("No deliveries are recorded for appeal " + appealId);
    }
}
