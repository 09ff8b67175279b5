package gov.appeals.reference.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Working days as the PRC State Council holiday notice defines them: weekends and public holidays are off, make-up
 * working days (调休上班, e.g. Sunday 2026-01-04) are on. The calendar is data; a year with no data falls back to
 * weekends only and says so once in the log.
 */
public final class WorkingCalendar {

    /** Deadlines are read and kept in Shanghai local time. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private static final System.Logger LOG = System.getLogger(WorkingCalendar.class.getName());

    private final Map<Integer, Set<LocalDate>> offByYear;
    private final Map<Integer, Set<LocalDate>> workdaysByYear;
    private final Set<Integer> warnedYears = ConcurrentHashMap.newKeySet();

    public WorkingCalendar(Map<Integer, Set<LocalDate>> offByYear, Map<Integer, Set<LocalDate>> workdaysByYear) {
        this.offByYear = Map.copyOf(offByYear);
        this.workdaysByYear = Map.copyOf(workdaysByYear);
    }

    /** The calendar bundled with the contract ({@code reference/holidays-cn.yaml}). */
    public static WorkingCalendar bundled() {
        try (InputStream in = WorkingCalendar.class.getResourceAsStream("/reference/holidays-cn.yaml")) {
            return fromYaml(Objects.requireNonNull(in, "bundled holidays-cn.yaml missing"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads the {@code holidays-cn.yaml} format: {@code <year>: {off: [dates], workdays: [dates]}}. */
    public static WorkingCalendar fromYaml(InputStream yaml) {
        Map<?, ?> root = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        Map<Integer, Set<LocalDate>> off = new HashMap<>();
        Map<Integer, Set<LocalDate>> on = new HashMap<>();
        if (root != null) {
            root.forEach((year, body) -> {
                int y = Integer.parseInt(String.valueOf(year));
                Map<?, ?> days = (Map<?, ?>) body;
                // YAML 1.1 reads the bare key `off` as boolean false, so accept either spelling.
                off.put(y, dates(days.containsKey("off") ? days.get("off") : days.get(Boolean.FALSE)));
                on.put(y, dates(days.get("workdays")));
            });
        }
        return new WorkingCalendar(off, on);
    }

    private static Set<LocalDate> dates(Object list) {
        Set<LocalDate> result = new HashSet<>();
        if (list instanceof List<?> items) {
            for (Object item : items) {
                // SnakeYAML reads an unquoted ISO date as java.util.Date at UTC midnight.
                result.add(item instanceof Date date
                        ? date.toInstant().atZone(ZoneOffset.UTC).toLocalDate()
                        : LocalDate.parse(String.valueOf(item)));
            }
        }
        return Set.copyOf(result);
    }

    public boolean knowsYear(int year) {
        return offByYear.containsKey(year);
    }

    public boolean isWorkingDay(LocalDate date) {
        int year = date.getYear();
        if (!knowsYear(year)) {
            if (warnedYears.add(year)) {
                LOG.log(Level.WARNING, "No holiday data for {0}: counting weekends only as non-working days", String.valueOf(year));
            }
        } else {
            if (workdaysByYear.getOrDefault(year, Set.of()).contains(date)) {
                return true;
            }
            if (offByYear.get(year).contains(date)) {
                return false;
            }
        }
        DayOfWeek day = date.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY;
    }

    /** The {@code n}-th working day after {@code date} (not counting {@code date} itself); n ≥ 1. */
    public LocalDate addWorkingDays(LocalDate date, int n) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be at least 1, was " + n);
        }
        LocalDate day = date;
        int counted = 0;
        while (counted < n) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                counted++;
            }
        }
        return day;
    }

    /**
     * End of the {@code n}-th working day after the Shanghai date of {@code start}: "within 5 working days" counts
     * from the next working day and ends when that day ends, whatever time of day the clock started.
     */
    public Instant endOfWorkingDays(Instant start, int n) {
        LocalDate last = addWorkingDays(start.atZone(ZONE).toLocalDate(), n);
        return last.atTime(LocalTime.of(23, 59, 59)).atZone(ZONE).toInstant();
    }
}
