package gov.appeals.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** Latencies of one step, in milliseconds, and how often the step failed or had to be retried. */
final class Stats {

    private final String phase;
    private final String step;
    private final List<Double> millis = Collections.synchronizedList(new ArrayList<>());
    private final java.util.concurrent.atomic.AtomicLong errors = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong retries = new java.util.concurrent.atomic.AtomicLong();

    Stats(String phase, String step) {
        this.phase = phase;
        this.step = step;
    }

    void record(long nanos) {
        millis.add(nanos / 1_000_000.0);
    }

    void error() {
        errors.incrementAndGet();
    }

    void retry() {
        retries.incrementAndGet();
    }

    int count() {
        return millis.size();
    }

    double percentile(double p) {
        List<Double> sorted;
        synchronized (millis) {
            sorted = new ArrayList<>(millis);
        }
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        Collections.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
    }

    /** One tab-separated result line: phase, step, count, p50, p99, max (ms), errors, retries. */
    String line() {
        return String.format(Locale.ROOT, "%s\t%s\t%d\t%.1f\t%.1f\t%.1f\t%d\t%d", phase, step, count(),
                percentile(50), percentile(99), percentile(100), errors.get(), retries.get());
    }
}
