package gov.appeals.feedback.metrics;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where an appeal counts: the same {@link Counts} in six rows, its day and its month for each of the three
 * dimensions. A change of one appeal is applied as {@link #delta} of its contribution before and after, which also
 * moves it between rows when it is re-routed to another department or re-classified.
 *
 * <p>Returns (退单) count against the department that returned the appeal, not the one that ends up leading it:
 * in the department rows, each returning department's row counts the return (and nothing else of the appeal), and
 * its lead's row counts no return, so that a total over departments still counts each returned appeal once. By
 * street and by category, a return is the appeal's: returned at least once.
 */
public final class Contributions {

    private Contributions() {
    }

    public static Map<RowKey, Counts> of(AppealFigures appeal) {
        Map<RowKey, Counts> rows = new LinkedHashMap<>();
        if (!appeal.counted()) {
            return rows;
        }
        Counts counts = Counts.of(appeal);
        String lead = appeal.key(Dimension.DEPARTMENT);
        Counts leads = counts.with(Figure.RETURNS, appeal.returnedBy().contains(lead) ? 1 : 0);
        Counts returned = Counts.one(Figure.RETURNS);
        for (Granularity granularity : Granularity.values()) {
            String period = granularity.period(appeal.acceptedDay());
            for (Dimension dimension : Dimension.values()) {
                boolean byDepartment = dimension == Dimension.DEPARTMENT;
                rows.put(new RowKey(granularity, period, dimension, appeal.key(dimension)),
                        byDepartment ? leads : counts);
                if (byDepartment) {
                    appeal.returnedBy().stream().filter(unit -> !unit.equals(lead)).forEach(unit ->
                            rows.put(new RowKey(granularity, period, dimension, unit), returned));
                }
            }
        }
        return rows;
    }

    /** after − before, row by row, without the rows that do not change. */
    public static Map<RowKey, Counts> delta(AppealFigures before, AppealFigures after) {
        Map<RowKey, Counts> delta = new LinkedHashMap<>();
        of(after).forEach((row, counts) -> delta.computeIfAbsent(row, r -> new Counts()).add(counts));
        of(before).forEach((row, counts) -> delta.computeIfAbsent(row, r -> new Counts()).subtract(counts));
        delta.values().removeIf(Counts::isZero);
        return delta;
    }
}
