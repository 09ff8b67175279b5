package gov.appeals.feedback.metrics;

import java.time.LocalDate;
import java.time.YearMonth;

/** The periods the counts are kept for: each appeal counts in the day and the month it was accepted. */
public enum Granularity {
    DAY, MONTH;

    /** The period of this granularity holding {@code day}: {@code 2026-04-28} or {@code 2026-04}. */
    public String period(LocalDate day) {
        return this == DAY ? day.toString() : YearMonth.from(day).toString();
    }
}
