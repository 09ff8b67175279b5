package gov.appeals.feedback.metrics.web;

import java.util.List;

import gov.appeals.feedback.metrics.ClosureRow;

/** The closure figures of a date range grouped by one dimension: one row per key, by key, and their total. */
public record ClosureReport(String from, String to, String groupBy, List<ClosureRow> rows, ClosureRow total) {

    public ClosureReport {
        rows = List.copyOf(rows);
    }
}
