package gov.appeals.intake.appeal;

public class AppealNotFoundException extends RuntimeException {

    public AppealNotFoundException(String description) {
        super("No appeal " + description);
    }
}
