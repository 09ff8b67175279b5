package gov.appeals.feedback.metrics.store;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.bson.Document;

import gov.appeals.events.AppealClosed.ClosureReason;
import gov.appeals.events.ClockKind;
import gov.appeals.events.Rating;
import gov.appeals.feedback.metrics.AppealFigures;
import gov.appeals.feedback.metrics.Counts;
import gov.appeals.feedback.metrics.Dimension;
import gov.appeals.feedback.metrics.Figure;
import gov.appeals.feedback.metrics.Granularity;
import gov.appeals.feedback.metrics.RowKey;

/**
 * The shapes of the metrics documents, written by hand rather than by the mapping layer: the rebuild reads and the
 * bench writes millions of them, and the drill-down queries name their fields.
 *
 * <p>A fact ({@code metrics_facts}, keyed by appeal id) is {@link AppealFigures} plus what the drill-down filters on:
 * {@code keys.department|street|category}, {@code figures} (the names of the figures it counts in) and
 * {@code acceptedDay} as {@code YYYY-MM-DD}, which sorts as a date. A row of counts is keyed
 * {@code period|dimension|key} in the collection of its granularity and generation.
 */
public final class FactDocuments {

    public static final String FACTS = "metrics_facts";
    static final String KEYS = "keys";
    static final String FIGURES = "figures";
    static final String ACCEPTED_DAY = "acceptedDay";
    static final String REVISION = "revision";
    static final String PENDING = "pending";
    static final String COUNTS = "counts";
    static final String HOURS = "hours";
    /** The departments that returned the appeal: its returns count against each of them. */
    static final String RETURNED_BY = "returnedBy";
    static final String APPLIED = "applied";
    static final String VERSION = "version";

    private FactDocuments() {
    }

    public static Document fact(AppealFigures f, long revision) {
        Document keys = new Document();
        for (Dimension dimension : Dimension.values()) {
            keys.append(dimension.param(), f.key(dimension));
        }
        return new Document("_id", f.appealId())
                .append("number", f.number())
                .append(ACCEPTED_DAY, f.acceptedDay() == null ? null : f.acceptedDay().toString())
                .append("street", f.street())
                .append("acceptedCategory", f.acceptedCategory())
                .append("lead", f.lead()).append("leadVersion", f.leadVersion())
                .append("triageUnit", f.triageUnit()).append("triageVersion", f.triageVersion())
                .append("assignedCategory", f.assignedCategory())
                .append("assignedCategoryVersion", f.assignedCategoryVersion())
                .append(RETURNED_BY, f.returnedBy())
                .append("firstAssignedAt", date(f.firstAssignedAt()))
                .append("firstAssignedVersion", f.firstAssignedVersion())
                .append("signedOnTime", f.signedOnTime()).append("signedVersion", f.signedVersion())
                .append("firstAnsweredAt", date(f.firstAnsweredAt()))
                .append("answeredOnTime", f.answeredOnTime()).append("answeredVersion", f.answeredVersion())
                .append("rating", f.rating() == null ? null : f.rating().name())
                .append("resolved", f.resolved()).append("ratingVersion", f.ratingVersion())
                .append("reopened", f.reopened())
                .append("closure", f.closure() == null ? null : f.closure().name())
                .append("overdue", f.overdue().stream().map(Enum::name).toList())
                .append("signForClearedAt", f.signForClearedAt()).append("allClearedAt", f.allClearedAt())
                .append("appliedEventIds", f.appliedEventIds())
                .append(KEYS, keys)
                .append(FIGURES, f.figures().stream().map(Figure::param).toList())
                .append(REVISION, revision);
    }

    public static AppealFigures figures(Document d) {
        return new AppealFigures(d.getString("_id"), d.getString("number"), day(d.getString(ACCEPTED_DAY)),
                d.getString("street"), d.getString("acceptedCategory"), d.getString("lead"),
                integer(d, "leadVersion"), d.getString("triageUnit"), integer(d, "triageVersion"),
                d.getString("assignedCategory"), integer(d, "assignedCategoryVersion"),
                strings(d, RETURNED_BY), instant(d.getDate("firstAssignedAt")),
                integer(d, "firstAssignedVersion"), d.getBoolean("signedOnTime"), integer(d, "signedVersion"),
                instant(d.getDate("firstAnsweredAt")), d.getBoolean("answeredOnTime"), integer(d, "answeredVersion"),
                d.getString("rating") == null ? null : Rating.valueOf(d.getString("rating")),
                d.getBoolean("resolved"), integer(d, "ratingVersion"), Boolean.TRUE.equals(d.getBoolean("reopened")),
                d.getString("closure") == null ? null : ClosureReason.valueOf(d.getString("closure")),
                strings(d, "overdue").stream().map(ClockKind::valueOf).toList(), integer(d, "signForClearedAt"),
                integer(d, "allClearedAt"), strings(d, "appliedEventIds"));
    }

    public static long revision(Document fact) {
        Number revision = fact.get(REVISION, Number.class);
        return revision == null ? 0 : revision.longValue();
    }

    /** The id of a row of counts within its granularity's collection. */
    public static String rowId(RowKey row) {
        return row.period() + "|" + row.dimension().param() + "|" + row.key();
    }

    /** The collection of a granularity's rows in one generation: {@code metrics_month_3}, {@code metrics_day_3}. */
    public static String rowCollection(Granularity granularity, long generation) {
        return "metrics_" + granularity.name().toLowerCase(java.util.Locale.ROOT) + "_" + generation;
    }

    /** A row of counts as the rebuild writes it, with no deltas applied yet. */
    public static Document row(RowKey row, Counts counts) {
        return new Document("_id", rowId(row)).append("period", row.period())
                .append("dimension", row.dimension().param()).append("key", row.key())
                .append(COUNTS, countsDocument(counts)).append(HOURS, hoursDocument(counts))
                .append(APPLIED, List.of()).append(VERSION, 0L);
    }

    static Document countsDocument(Counts counts) {
        Document document = new Document();
        for (Figure figure : Figure.values()) {
            document.append(figure.param(), counts.get(figure));
        }
        return document;
    }

    static Document hoursDocument(Counts counts) {
        Document document = new Document();
        counts.hours().forEach((hours, n) -> document.append(Integer.toString(hours), n));
        return document;
    }

    static Counts counts(Document row) {
        Document counts = row.get(COUNTS, Document.class);
        Document hours = row.get(HOURS, Document.class);
        Map<Figure, Long> figures = new java.util.EnumMap<>(Figure.class);
        if (counts != null) {
            for (Figure figure : Figure.values()) {
                Number n = counts.get(figure.param(), Number.class);
                figures.put(figure, n == null ? 0 : n.longValue());
            }
        }
        Map<Integer, Long> histogram = new java.util.TreeMap<>();
        if (hours != null) {
            hours.forEach((h, n) -> histogram.put(Integer.parseInt(h), ((Number) n).longValue()));
        }
        return Counts.of(figures, histogram);
    }

    private static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }

    private static LocalDate day(String value) {
        return value == null ? null : LocalDate.parse(value);
    }

    private static int integer(Document d, String field) {
        Number n = d.get(field, Number.class);
        return n == null ? 0 : n.intValue();
    }

    private static List<String> strings(Document d, String field) {
        List<?> values = d.get(field, List.class);
        List<String> strings = new ArrayList<>();
        if (values != null) {
            values.forEach(v -> strings.add((String) v));
        }
        return strings;
    }
}
