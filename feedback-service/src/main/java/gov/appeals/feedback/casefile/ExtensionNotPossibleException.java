package gov.appeals.feedback.casefile;

import gov.appeals.kit.web.ConflictException;

/** The case cannot take this extension request or decision now (409): too late, lapsed, one already pending. */
public class ExtensionNotPossibleException extends ConflictException {

    public ExtensionNotPossibleException(String message, Object currentStatus) {
        super(message, currentStatus);
    }
}
