package gov.appeals.intake.acceptance;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

import gov.appeals.reference.calendar.WorkingCalendar;

/** Human-readable appeal numbers, QS-yyyyMMdd-NNNNNN, counted per Shanghai calendar day. */
public final class AppealNumbers {

    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private AppealNumbers() {
    }

    /** The day whose counter numbers an appeal accepted at {@code acceptedAt}: Shanghai's date, not UTC's. */
    public static LocalDate counterDay(Instant acceptedAt) {
        return acceptedAt.atZone(WorkingCalendar.ZONE).toLocalDate();
    }

    public static String format(LocalDate day, long sequence) {
        if (sequence < 1) {
            throw new IllegalArgumentException("sequence starts at 1, was " + sequence);
        }
        return "QS-" + day.format(DAY) + "-" + String.format("%06d", sequence);
    }
}
