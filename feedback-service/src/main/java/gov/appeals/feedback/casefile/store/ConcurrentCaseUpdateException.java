package gov.appeals.feedback.casefile.store;

/** Someone else changed the case between reading and writing it; read it again and redo the decision. */
public class ConcurrentCaseUpdateException extends RuntimeException {

    public ConcurrentCaseUpdateException(String appealId) {
        super("Case " + appealId + " changed concurrently");
    }
}
