package gov.appeals.feedback.metrics;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * The fewest rows that cover a date range: whole months from the month rows, the days of a partial month from the
 * day rows. A month asks for one row per key instead of up to 31.
 *
 * @param months the months the range covers entirely
 * @param days   the days of the range outside those months
 */
public record Periods(List<YearMonth> months, List<LocalDate> days) {

    public Periods {
        months = List.copyOf(months);
        days = List.copyOf(days);
    }

    /** @param from first day, inclusive; {@code to} last day, inclusive */
    public static Periods covering(LocalDate from, LocalDate to) {
        List<YearMonth> months = new ArrayList<>();
        List<LocalDate> days = new ArrayList<>();
        LocalDate day = from;
        while (!day.isAfter(to)) {
            YearMonth month = YearMonth.from(day);
            if (day.getDayOfMonth() == 1 && !month.atEndOfMonth().isAfter(to)) {
                months.add(month);
                day = month.plusMonths(1).atDay(1);
            } else {
                days.add(day);
                day = day.plusDays(1);
            }
        }
        return new Periods(months, days);
    }
}
