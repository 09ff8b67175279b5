package gov.appeals.intake.appeal;

import gov.appeals.kit.web.NotFoundException;

public class AppealNotFoundException extends NotFoundException {

    public AppealNotFoundException(String description) {
        super("No appeal " + description);
    }
}
