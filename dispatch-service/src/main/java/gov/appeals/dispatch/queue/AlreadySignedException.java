package gov.appeals.dispatch.queue;

import gov.appeals.events.AppealStatus;
import gov.appeals.kit.web.ConflictException;

/**
 * Another member of staff signed for the appeal first: 409, naming who, so the one who lost the race knows whom to
 * ask.
 */
public class AlreadySignedException extends ConflictException {

    public AlreadySignedException(String appealId, String signedBy) {
        super("Appeal " + appealId + " was already signed for by " + signedBy + ".", AppealStatus.SIGNED);
    }
}
