package gov.appeals.feedback.casefile;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Objects;
import java.util.Set;

import gov.appeals.reference.calendar.Allowance;
import gov.appeals.reference.calendar.DeadlinePolicy;
import gov.appeals.reference.calendar.WorkingCalendar;

/**
 * The supervision settings (configured under {@code appeals.supervision}, defaults from DESIGN.md §1 and the
 * issue): when a clock is due soon, how long the callback window and a supervision order run, how far an
 * extension may go, when dissatisfaction goes to triage, and who hears about a key enterprise.
 *
 * @param dueSoonLead       due soon this long before a deadline (default 1 working day) …
 * @param dueSoonFraction   … or this fraction of the clock's allowance before it, whichever is shorter (0.25)
 * @param ratingWindow      no rating this long after the answer closes the appeal as unrated (3 working days)
 * @param orderAllowance    a supervision order's own deadline (3 working days)
 * @param extensionLimit    an approved extension moves the answer deadline at most this far from the clock's start
 *                          (complex cases: 15 working days)
 * @param dissatisfiedLimit the dissatisfied rating that goes to triage instead of reopening again (the third)
 * @param triageUnit        where such an appeal goes (区经委)
 * @param taskForce         where a key enterprise's overdue appeal escalates (区调度专班)
 * @param keyEnterprises    credit codes of key enterprises (重点企业/服务包) besides those intake flags
 */
public record SupervisionRules(DeadlinePolicy deadlines, Allowance dueSoonLead, double dueSoonFraction,
                               Allowance ratingWindow, Allowance orderAllowance, Allowance extensionLimit,
                               int dissatisfiedLimit, String triageUnit, String taskForce,
                               Set<String> keyEnterprises) {

    public SupervisionRules {
        Objects.requireNonNull(deadlines, "deadlines");
        if (dueSoonFraction <= 0 || dueSoonFraction >= 1) {
            throw new IllegalArgumentException("dueSoonFraction must be between 0 and 1, was " + dueSoonFraction);
        }
        if (dissatisfiedLimit < 1) {
            throw new IllegalArgumentException("dissatisfiedLimit must be at least 1");
        }
        keyEnterprises = keyEnterprises == null ? Set.of() : Set.copyOf(keyEnterprises);
    }

    public static SupervisionRules defaults(DeadlinePolicy deadlines, String triageUnit, String taskForce) {
        return new SupervisionRules(deadlines, Allowance.ofWorkingDays(1), 0.25, Allowance.ofWorkingDays(3),
                Allowance.ofWorkingDays(3), Allowance.ofWorkingDays(15), 3, triageUnit, taskForce, Set.of());
    }

    public WorkingCalendar calendar() {
        return deadlines.calendar();
    }

    /** When a clock that started at {@code start} and runs out at {@code deadline} becomes due soon. */
    public Instant dueSoonAt(Instant start, Instant deadline) {
        Duration byFraction = start == null || !start.isBefore(deadline) ? Duration.ZERO
                : Duration.ofMillis((long) (Duration.between(start, deadline).toMillis() * dueSoonFraction));
        Duration byLead = Duration.between(before(deadline, dueSoonLead), deadline);
        return deadline.minus(byFraction.compareTo(byLead) < 0 ? byFraction : byLead);
    }

    /** The same time of day {@code lead} earlier: working days back over the calendar, or plain time. */
    private Instant before(Instant deadline, Allowance lead) {
        if (lead.duration() != null) {
            return deadline.minus(lead.duration());
        }
        ZonedDateTime at = deadline.atZone(WorkingCalendar.ZONE);
        LocalDate day = at.toLocalDate();
        for (int counted = 0; counted < lead.workingDays(); ) {
            day = day.minusDays(1);
            if (calendar().isWorkingDay(day)) {
                counted++;
            }
        }
        return at.with(day).toInstant();
    }

    public boolean isKeyEnterprise(AppealProfile profile) {
        return profile != null && (profile.keyEnterprise()
                || profile.creditCode() != null && keyEnterprises.contains(profile.creditCode()));
    }
}
