package gov.appeals.feedback.casefile;

import gov.appeals.kit.web.NotFoundException;

/** No supervision order with this id (404). */
public class OrderNotFoundException extends NotFoundException {

    public OrderNotFoundException(String orderId) {
        super("No supervision order " + orderId);
    }
}
