package gov.appeals.feedback.answer;

/** No case for this appeal: feedback-service has seen no event about it. */
public class CaseNotFoundException extends RuntimeException {

    public CaseNotFoundException(String appealId) {
        super("No case for appeal " + appealId);
    }
}
