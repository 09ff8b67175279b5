package gov.appeals.feedback.metrics.store;

/**
 * The counts are being rebuilt: an event must wait (the kit's error handler retries it, holding its partition) so
 * that the rebuild's scan of the facts sees every change, and no change lands in a generation about to be dropped.
 */
public class MetricsRebuildingException extends RuntimeException {

    public MetricsRebuildingException() {
        super("The closure metrics are being rebuilt; the event waits for the new generation");
    }
}
