package gov.appeals.feedback.metrics;

import static gov.appeals.feedback.metrics.Figure.ANSWERED;
import static gov.appeals.feedback.metrics.Figure.ANSWERED_ON_TIME;
import static gov.appeals.feedback.metrics.Figure.ASSIGNED;
import static gov.appeals.feedback.metrics.Figure.BACKLOG;
import static gov.appeals.feedback.metrics.Figure.OVERDUE_NOW;
import static gov.appeals.feedback.metrics.Figure.RATED;
import static gov.appeals.feedback.metrics.Figure.REOPENS;
import static gov.appeals.feedback.metrics.Figure.RESOLVED;
import static gov.appeals.feedback.metrics.Figure.RETURNS;
import static gov.appeals.feedback.metrics.Figure.SATISFIED;
import static gov.appeals.feedback.metrics.Figure.SIGNED_ON_TIME;
import static gov.appeals.feedback.metrics.Figure.UNRATED;
import static gov.appeals.feedback.metrics.Figure.VOLUME;

import java.util.List;

/**
 * The closure figures of one key (or of all: the total) for a period, as supervisors read them. Rates are in
 * [0, 1], null when their denominator is 0; the definitions are in docs/metrics.md.
 */
public record ClosureRow(String key, String name, long volume, long assigned, long signedOnTime, Double responseRate,
                         long rated, long resolved, Double resolutionRate, long satisfied, Double satisfactionRate,
                         long answered, long answeredOnTime, Double onTimeRate, long returns, Double returnRate,
                         long reopens, Double reopenRate, long unrated, long backlog, long overdueNow,
                         Integer answerHoursMedian, Integer answerHoursP90) {

    /** The column names, in order: the CSV header. */
    public static final List<String> COLUMNS = List.of("key", "name", "volume", "assigned", "signedOnTime",
            "responseRate", "rated", "resolved", "resolutionRate", "satisfied", "satisfactionRate", "answered",
            "answeredOnTime", "onTimeRate", "returns", "returnRate", "reopens", "reopenRate", "unrated", "backlog",
            "overdueNow", "answerHoursMedian", "answerHoursP90");

    public static ClosureRow of(String key, String name, Counts c) {
        return new ClosureRow(key, name, c.get(VOLUME), c.get(ASSIGNED), c.get(SIGNED_ON_TIME),
                c.rate(SIGNED_ON_TIME, ASSIGNED), c.get(RATED), c.get(RESOLVED), c.rate(RESOLVED, RATED),
                c.get(SATISFIED), c.rate(SATISFIED, RATED), c.get(ANSWERED), c.get(ANSWERED_ON_TIME),
                c.rate(ANSWERED_ON_TIME, ANSWERED), c.get(RETURNS), c.rate(RETURNS, ASSIGNED), c.get(REOPENS),
                c.rate(REOPENS, ANSWERED), c.get(UNRATED), c.get(BACKLOG), c.get(OVERDUE_NOW),
                c.answerHoursPercentile(50), c.answerHoursPercentile(90));
    }

    /** The values in {@link #COLUMNS} order, null where a rate or an hour figure has no value. */
    public List<Object> values() {
        return java.util.Arrays.asList(key, name, volume, assigned, signedOnTime, responseRate, rated, resolved,
                resolutionRate, satisfied, satisfactionRate, answered, answeredOnTime, onTimeRate, returns,
                returnRate, reopens, reopenRate, unrated, backlog, overdueNow, answerHoursMedian, answerHoursP90);
    }
}
