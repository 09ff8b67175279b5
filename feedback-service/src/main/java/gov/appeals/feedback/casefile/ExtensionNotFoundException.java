package gov.appeals.feedback.casefile;

import gov.appeals.kit.web.NotFoundException;

/** The appeal has no extension request with this id (404). */
public class ExtensionNotFoundException extends NotFoundException {

    public ExtensionNotFoundException(String appealId, String extensionId) {
        super("Appeal " + appealId + " has no extension request " + extensionId);
    }
}
