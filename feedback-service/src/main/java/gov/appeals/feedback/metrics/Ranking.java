package gov.appeals.feedback.metrics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * The monthly ranking (排名): satisfaction rate first, then on-time rate, then response rate, each highest first and
 * a unit without a value after those with one; then the larger volume, then the key. Equal figures share a rank
 * (1, 2, 2, 4).
 */
public final class Ranking {

    /** One ranked row: its place and its figures. */
    public record Ranked(int rank, ClosureRow figures) {
    }

    private static final Comparator<ClosureRow> ORDER = rate(ClosureRow::satisfactionRate)
            .thenComparing(rate(ClosureRow::onTimeRate))
            .thenComparing(rate(ClosureRow::responseRate))
            .thenComparing(Comparator.comparingLong(ClosureRow::volume).reversed());

    private Ranking() {
    }

    public static List<Ranked> of(List<ClosureRow> rows) {
        List<ClosureRow> sorted = new ArrayList<>(rows);
        sorted.sort(ORDER.thenComparing(ClosureRow::key));
        List<Ranked> ranked = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            boolean tied = i > 0 && ORDER.compare(sorted.get(i - 1), sorted.get(i)) == 0;
            ranked.add(new Ranked(tied ? ranked.get(i - 1).rank() : i + 1, sorted.get(i)));
        }
        return ranked;
    }

    private static Comparator<ClosureRow> rate(Function<ClosureRow, Double> rate) {
        return Comparator.comparing(rate, Comparator.nullsLast(Comparator.reverseOrder()));
    }
}
