package gov.appeals.feedback.metrics.web;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import gov.appeals.feedback.metrics.ClosureRow;

/** A month's ranking of departments or streets, best first. */
public record RankingReport(String month, String groupBy, List<Place> rows) {

    /** One unit's place (equal figures share one) and its closure figures beside it. */
    public record Place(int rank, @JsonUnwrapped ClosureRow figures) {
    }

    public RankingReport {
        rows = List.copyOf(rows);
    }
}
