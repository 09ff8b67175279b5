package gov.appeals.dispatch.queue;

import gov.appeals.kit.web.NotFoundException;

public class UnknownUnitException extends NotFoundException {
    public UnknownUnitException(String code) {
        super("There is no department or street/town with code " + code + ".");
    }
}
