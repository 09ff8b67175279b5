package gov.appeals.kit.web;

/** What the request names does not exist (here, or not yet): answered 404 with the message as detail. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }
}
