package gov.appeals.feedback.metrics;

import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The closure counts of a set of appeals: one number per {@link Figure} and the answer times as a histogram of whole
 * hours (hours → appeals), which keeps the median and p90 exact however many appeals are added. Counts are added and
 * subtracted ({@code $inc} in the store), so a figure of one appeal that changes is a difference of two contributions.
 * A mutable accumulator: summing millions of contributions must not allocate one object per step.
 */
public final class Counts {

    private final long[] figures = new long[Figure.values().length];
    private final TreeMap<Integer, Long> hours = new TreeMap<>();

    /** What one appeal contributes to every row it counts in. */
    public static Counts of(AppealFigures appeal) {
        Counts counts = new Counts();
        for (Figure figure : appeal.figures()) {
            counts.figures[figure.ordinal()] = 1;
        }
        Integer answerHours = appeal.answerHours();
        if (answerHours != null) {
            counts.hours.put(answerHours, 1L);
        }
        return counts;
    }

    public static Counts of(Map<Figure, Long> figures, Map<Integer, Long> hours) {
        Counts counts = new Counts();
        figures.forEach((figure, n) -> counts.figures[figure.ordinal()] = n);
        hours.forEach((h, n) -> {
            if (n != 0) {
                counts.hours.put(h, n);
            }
        });
        return counts;
    }

    /** One of each figure named, nothing else (what a department that returned an appeal counts of it). */
    public static Counts one(Figure... named) {
        Counts counts = new Counts();
        for (Figure figure : named) {
            counts.figures[figure.ordinal()] = 1;
        }
        return counts;
    }

    /** A copy with {@code figure} set to {@code n}. */
    public Counts with(Figure figure, long n) {
        Counts copy = new Counts().add(this);
        copy.figures[figure.ordinal()] = n;
        return copy;
    }

    public long get(Figure figure) {
        return figures[figure.ordinal()];
    }

    /** Answer hours → how many appeals took that long; only hours with a non-zero count. */
    public SortedMap<Integer, Long> hours() {
        return Collections.unmodifiableSortedMap(hours);
    }

    public Counts add(Counts other) {
        return combine(other, 1);
    }

    public Counts subtract(Counts other) {
        return combine(other, -1);
    }

    public boolean isZero() {
        return Arrays.stream(figures).allMatch(n -> n == 0) && hours.isEmpty();
    }

    /** {@code part ÷ whole}, null when nothing is in the whole. */
    public Double rate(Figure part, Figure whole) {
        long denominator = get(whole);
        return denominator == 0 ? null : (double) get(part) / denominator;
    }

    /**
     * The nearest-rank percentile of the answer hours: the smallest value v such that at least {@code percent}% of
     * the values are ≤ v; null when no appeal was answered.
     */
    public Integer answerHoursPercentile(int percent) {
        long total = hours.values().stream().mapToLong(Long::longValue).sum();
        if (total <= 0) {
            return null;
        }
        long rank = Math.max(1, (total * percent + 99) / 100);
        long seen = 0;
        for (Map.Entry<Integer, Long> entry : hours.entrySet()) {
            seen += entry.getValue();
            if (seen >= rank) {
                return entry.getKey();
            }
        }
        return hours.lastKey();
    }

    private Counts combine(Counts other, int sign) {
        for (int i = 0; i < figures.length; i++) {
            figures[i] += sign * other.figures[i];
        }
        other.hours.forEach((h, n) -> hours.merge(h, sign * n, (a, b) -> a + b == 0 ? null : a + b));
        return this;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Counts other && Arrays.equals(figures, other.figures) && hours.equals(other.hours);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(figures) + hours.hashCode();
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("Counts{");
        for (Figure figure : Figure.values()) {
            text.append(figure.param()).append('=').append(get(figure)).append(", ");
        }
        return text.append("hours=").append(hours).append('}').toString();
    }
}
