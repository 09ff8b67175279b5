package gov.appeals.feedback.casefile;

import gov.appeals.kit.web.InvalidRequestException;

/** The date asked for is not one an extension can move the deadline to (400, field {@code until}). */
public class ExtensionDateException extends InvalidRequestException {

    public ExtensionDateException(String message) {
        super("until", message);
    }
}
