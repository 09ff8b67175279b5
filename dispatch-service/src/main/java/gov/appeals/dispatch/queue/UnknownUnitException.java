package gov.appeals.dispatch.queue;

public class UnknownUnitException extends RuntimeException {
    public UnknownUnitException(String code) {
        super("There is no department or street/town with code " + code + ".");
    }
}
