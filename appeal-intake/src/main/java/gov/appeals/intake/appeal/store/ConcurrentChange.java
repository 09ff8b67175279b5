package gov.appeals.intake.appeal.store;

import java.time.Duration;

import reactor.util.retry.Retry;
import reactor.util.retry.RetryBackoffSpec;

/**
 * A guarded write of an appeal found it changed since it was read (another event's stage, a rating): the writer reads
 * it again and recomputes. Every writer rereads the same way, {@link #REREADS}.
 */
public final class ConcurrentChange extends RuntimeException {

    /**
     * The guard fails while the appeal takes a burst of stages (an answer is followed by the notes of what 12345 and
     * the enterprise were told): a short, growing pause lets the burst pass before the reread.
     */
    public static final RetryBackoffSpec REREADS = Retry.backoff(8, Duration.ofMillis(25))
            .maxBackoff(Duration.ofMillis(400)).filter(ConcurrentChange.class::isInstance);

    public ConcurrentChange() {
        super("appeal changed concurrently", null, false, false);
    }
}
