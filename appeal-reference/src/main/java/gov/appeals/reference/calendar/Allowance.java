package gov.appeals.reference.calendar;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * How long a clock runs: either wall-clock time (urgent sign-for in 30 minutes: emergencies do not wait for
 * Monday) or a number of working days. Written {@code 30m}, {@code 2h} or {@code 5wd} in configuration.
 */
public record Allowance(Duration duration, int workingDays) {

    public Allowance {
        if ((duration == null) == (workingDays <= 0)) {
            throw new IllegalArgumentException("An allowance is either a duration or a positive number of working days");
        }
    }

    public static Allowance ofWorkingDays(int days) {
        return new Allowance(null, days);
    }

    public static Allowance of(Duration duration) {
        return new Allowance(Objects.requireNonNull(duration), 0);
    }

    public static Allowance parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        try {
            if (t.endsWith("wd")) {
                return ofWorkingDays(Integer.parseInt(t.substring(0, t.length() - 2)));
            }
            if (t.endsWith("m")) {
                return of(Duration.ofMinutes(Long.parseLong(t.substring(0, t.length() - 1))));
            }
            if (t.endsWith("h")) {
                return of(Duration.ofHours(Long.parseLong(t.substring(0, t.length() - 1))));
            }
        } catch (NumberFormatException e) {
            // falls through to the message below, which names the accepted forms
        }
        throw new IllegalArgumentException("Allowance '" + text + "' is not one of <n>m, <n>h, <n>wd");
    }

    public Instant deadlineFrom(Instant start, WorkingCalendar calendar) {
        return duration != null ? start.plus(duration) : calendar.endOfWorkingDays(start, workingDays);
    }

    @Override
    public String toString() {
        if (duration == null) {
            return workingDays + "wd";
        }
        return duration.toMinutes() % 60 == 0 ? duration.toHours() + "h" : duration.toMinutes() + "m";
    }
}
