package gov.appeals.kit.web;

/**
 * The actor is known but may not do this (a department's clerk acting for another department, a source key used
 * for another source): answered 403 with the message as detail.
 */
public class ForbiddenException extends RuntimeException {

    public ForbiddenException(String message) {
        super(message);
    }
}
