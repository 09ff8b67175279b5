package gov.appeals.kit.security;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The nonces of the signed requests accepted within the time window, so that a captured request sent again is
 * refused. A nonce is kept until its request's timestamp leaves the window, which bounds the memory by the request
 * rate: at 200 requests a second, 120,000 entries. Kept by this instance only: services run as one instance each
 * here; several instances behind a balancer need the nonces in a shared store (see docs/security.md).
 */
public final class NonceWindow {

    private static final int SWEEP_EVERY = 4096;

    private final Map<String, Long> expiries = new ConcurrentHashMap<>();
    private final AtomicInteger sinceSweep = new AtomicInteger();
    private final Duration window;
    private final Clock clock;

    public NonceWindow(Duration window, Clock clock) {
        this.window = window;
        this.clock = clock;
    }

    public Duration window() {
        return window;
    }

    /** True only the first time this key's nonce is seen while the request's timestamp is within the window. */
    public boolean firstUse(String keyId, String nonce, long timestampSeconds) {
        long now = clock.millis();
        if (sinceSweep.incrementAndGet() >= SWEEP_EVERY) {
            sinceSweep.set(0);
            expiries.values().removeIf(expiry -> expiry < now);
        }
        long expiry = (timestampSeconds + window.toSeconds()) * 1000;
        Long previous = expiries.putIfAbsent(keyId + "\n" + nonce, expiry);
        return previous == null || previous < now && expiries.replace(keyId + "\n" + nonce, previous, expiry);
    }

    /** Whether a request's timestamp is close enough to now. */
    public boolean inWindow(long timestampSeconds) {
        return Math.abs(clock.millis() / 1000 - timestampSeconds) <= window.toSeconds();
    }
}
