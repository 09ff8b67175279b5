package gov.appeals.notification.sms;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How long a message the gateway could not take (down, 5xx, timeout) waits before the next attempt: from
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
