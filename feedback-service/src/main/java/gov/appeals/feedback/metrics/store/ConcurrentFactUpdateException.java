package gov.appeals.feedback.metrics.store;

/** Someone else changed the appeal's figures between reading and writing them; read them again and redo the step. */
public class ConcurrentFactUpdateException extends RuntimeException {

    public ConcurrentFactUpdateException(String appealId) {
        super("Metrics of " + appealId + " changed concurrently");
    }
}
