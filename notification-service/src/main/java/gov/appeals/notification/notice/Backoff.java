package gov.appeals.notification.notice;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How long a message its receiver could not take (an SMS gateway or SMTP server down, slow or failing) waits before
 * the next attempt, on every channel the ledger retries itself: from
 * {@code initial}, doubling per attempt, at most {@code max}, with up to a fifth of random jitter so that many
 * waiting messages do not come back together.
 */
public record Backoff(Duration initial, Duration max) {

    /** @param attempts the attempts made so far (1 after the first) */
    public Duration after(int attempts) {
        int doublings = Math.max(0, Math.min(attempts - 1, 30));
        long millis = initial.toMillis();
        long capped = max.toMillis();
        long delay = doublings >= 62 || millis > (capped >> doublings) ? capped : Math.min(capped, millis << doublings);
        long jitter = delay / 5 == 0 ? 0 : ThreadLocalRandom.current().nextLong(delay / 5 + 1);
        return Duration.ofMillis(delay - jitter);
    }
}
