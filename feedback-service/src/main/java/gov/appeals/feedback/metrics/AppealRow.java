package gov.appeals.feedback.metrics;

import java.util.List;

/**
 * One appeal behind a figure, as the drill-down lists it: where it counts and in which figures. No enterprise, no
 * contact: the metrics never hold personal data.
 *
 * @param figures the names of the figures the appeal counts in ({@code answered}, {@code overdueNow} …)
 */
public record AppealRow(String appealId, String number, String department, String street, String category,
                        String acceptedDay, List<String> figures) {

    public static final List<String> COLUMNS = List.of("appealId", "number", "department", "street", "category",
            "acceptedDay", "figures");

    public AppealRow {
        figures = figures == null ? List.of() : List.copyOf(figures);
    }

    /** The values in {@link #COLUMNS} order; the figures joined by spaces. */
    public List<Object> values() {
        return java.util.Arrays.asList(appealId, number, department, street, category, acceptedDay,
                String.join(" ", figures));
    }
}
