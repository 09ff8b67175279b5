package gov.appeals.notification.preference;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * When no text message goes out (22:00–08:00 in the district's time by default): a message due in quiet hours waits
 * for their end, unless its appeal is urgent. {@code start-end}, e.g. {@code 22:00-08:00} (crossing midnight) or
 * {@code 12:00-13:30}; start inclusive, end exclusive. An empty value means no quiet hours. The service's
 * ({@code appeals.sms.quiet-hours}), or a recipient's own ({@link Preference#quietHours()}).
 */
public final class QuietHours {

    private final LocalTime start;
    private final LocalTime end;
    private final ZoneId zone;

    private QuietHours(LocalTime start, LocalTime end, ZoneId zone) {
        this.start = start;
        this.end = end;
        this.zone = zone;
    }

    /** @param spec {@code HH:mm-HH:mm}, or null/blank for none */
    public static QuietHours parse(String spec, ZoneId zone) {
        if (spec == null || spec.isBlank()) {
            return new QuietHours(null, null, zone);
        }
        String[] parts = spec.strip().split("-");
        try {
            if (parts.length != 2) {
                throw new IllegalArgumentException("expected HH:mm-HH:mm");
            }
            LocalTime start = LocalTime.parse(parts[0].strip());
            LocalTime end = LocalTime.parse(parts[1].strip());
            if (start.equals(end)) {
                throw new IllegalArgumentException("start and end are the same time");
            }
            return new QuietHours(start, end, zone);
        } catch (DateTimeParseException | IllegalArgumentException e) {
            throw new IllegalArgumentException("appeals.sms.quiet-hours (SMS_QUIET_HOURS) '" + spec
                    + "' is not HH:mm-HH:mm, e.g. 22:00-08:00: " + e.getMessage(), e);
        }
    }

    public static QuietHours none() {
        return new QuietHours(null, null, ZoneId.of("Asia/Shanghai"));
    }

    /** {@code 22:00-08:00}, or empty for none: the form {@link #parse} reads. */
    public String spec() {
        return enabled() ? start + "-" + end : "";
    }

    public boolean enabled() {
        return start != null;
    }

    /** Whether {@code at} falls in quiet hours. */
    public boolean isQuiet(Instant at) {
        if (!enabled()) {
            return false;
        }
        LocalTime time = at.atZone(zone).toLocalTime();
        return start.isBefore(end) ? !time.isBefore(start) && time.isBefore(end)
                : !time.isBefore(start) || time.isBefore(end);
    }

    /**
     * @return when a message due at {@code now} may go out: empty to send it now (outside quiet hours, or urgent),
     * else the end of the current quiet period
     */
    public Optional<Instant> deferUntil(Instant now, boolean urgent) {
        if (urgent || !isQuiet(now)) {
            return Optional.empty();
        }
        ZonedDateTime local = now.atZone(zone);
        LocalDate day = local.toLocalDate();
        ZonedDateTime endToday = day.atTime(end).atZone(zone);
        return Optional.of((endToday.isAfter(local) ? endToday : day.plusDays(1).atTime(end).atZone(zone))
                .toInstant());
    }

    @Override
    public String toString() {
        return enabled() ? start + "-" + end + " " + zone : "none";
    }
}
