package gov.appeals.feedback.metrics;

/** One row of counts: a period of a granularity, grouped by a dimension, for one key of it. */
public record RowKey(Granularity granularity, String period, Dimension dimension, String key) {
}
