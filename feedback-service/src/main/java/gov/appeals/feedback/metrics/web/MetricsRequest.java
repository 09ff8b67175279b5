package gov.appeals.feedback.metrics.web;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import gov.appeals.feedback.metrics.Dimension;
import gov.appeals.feedback.metrics.Figure;
import gov.appeals.kit.web.FieldProblem;
import gov.appeals.kit.web.InvalidRequestException;

/**
 * The query parameters of the metrics endpoints, read strictly: every broken one is named in one 400. Parameters
 * arrive as text so that a malformed date is this class's problem with the parameter's name, not a binding error.
 */
final class MetricsRequest {

    /** The longest range one request may ask for: a year, leap day included. */
    static final int MAX_DAYS = 366;

    private final List<FieldProblem> problems = new ArrayList<>();

    LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            problems.add(new FieldProblem(name, "is required: a date, YYYY-MM-DD"));
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            problems.add(new FieldProblem(name, "must be a date, YYYY-MM-DD"));
            return null;
        }
    }

    YearMonth month(String name, String value) {
        if (value == null || !value.matches("\\d{4}-\\d{2}")) {
            problems.add(new FieldProblem(name, "is required: a month, YYYY-MM"));
            return null;
        }
        try {
            return YearMonth.parse(value);
        } catch (DateTimeParseException e) {
            problems.add(new FieldProblem(name, "must be a month, YYYY-MM"));
            return null;
        }
    }

    /** from ≤ to, at most {@link #MAX_DAYS} days from the first to the last. */
    void range(LocalDate from, LocalDate to) {
        if (from == null || to == null) {
            return;
        }
        if (from.isAfter(to)) {
            problems.add(new FieldProblem("to", "must not be before from"));
        } else if (ChronoUnit.DAYS.between(from, to) + 1 > MAX_DAYS) {
            problems.add(new FieldProblem("to", "must be at most " + MAX_DAYS + " days from from, both included"));
        }
    }

    Dimension dimension(String name, String value, Dimension... allowed) {
        Dimension dimension = Dimension.ofParam(value).orElse(null);
        if (dimension == null || !Arrays.asList(allowed).contains(dimension)) {
            problems.add(new FieldProblem(name, "must be one of " + Arrays.stream(allowed).map(Dimension::param)
                    .collect(Collectors.joining(", "))));
            return null;
        }
        return dimension;
    }

    Figure figure(String name, String value) {
        Figure figure = Figure.ofParam(value).orElse(null);
        if (figure == null) {
            problems.add(new FieldProblem(name, "must be one of " + Arrays.stream(Figure.values())
                    .map(Figure::param).collect(Collectors.joining(", "))));
        }
        return figure;
    }

    String required(String name, String value) {
        if (value == null || value.isBlank()) {
            problems.add(new FieldProblem(name, "is required"));
        }
        return value;
    }

    /** @throws InvalidRequestException naming every parameter that was wrong */
    void check() {
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
    }
}
