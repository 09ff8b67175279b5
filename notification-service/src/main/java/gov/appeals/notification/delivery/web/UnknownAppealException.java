package gov.appeals.notification.delivery.web;

import gov.appeals.kit.web.NotFoundException;

/** No event of this appeal has reached this service (yet): it is unknown here. */
public class UnknownAppealException extends NotFoundException {

    public UnknownAppealException(String appealId) {
        super("No deliveries are recorded for appeal " + appealId);
    }
}
