package gov.appeals.reference.calendar;

import java.time.Instant;
import java.util.Objects;

import gov.appeals.events.Deadlines;
import gov.appeals.events.Urgency;

/**
 * The clocks of DESIGN.md §1. Intake applies it at acceptance, feedback-service when an appeal is reopened; both
 * read the same table so the two can never disagree about what "5 working days" means.
 */
public final class DeadlinePolicy {

    /** The allowances of one kind of handling; {@code firstContact} may be null (no such clock). */
    public record Clocks(Allowance sign, Allowance firstContact, Allowance answer) {
        public Clocks {
            Objects.requireNonNull(sign, "sign");
            Objects.requireNonNull(answer, "answer");
        }
    }

    public static final Clocks URGENT = new Clocks(Allowance.parse("30m"), Allowance.parse("2h"), Allowance.parse("1wd"));
    public static final Clocks NORMAL = new Clocks(Allowance.parse("1wd"), Allowance.parse("1wd"), Allowance.parse("5wd"));
    public static final Clocks REOPENED = new Clocks(Allowance.parse("1wd"), null, Allowance.parse("3wd"));

    private final WorkingCalendar calendar;
    private final Clocks urgent;
    private final Clocks normal;
    private final Clocks reopened;

    public DeadlinePolicy(WorkingCalendar calendar, Clocks urgent, Clocks normal, Clocks reopened) {
        this.calendar = Objects.requireNonNull(calendar);
        this.urgent = urgent;
        this.normal = normal;
        this.reopened = reopened;
    }

    public static DeadlinePolicy defaults(WorkingCalendar calendar) {
        return new DeadlinePolicy(calendar, URGENT, NORMAL, REOPENED);
    }

    public WorkingCalendar calendar() {
        return calendar;
    }

    public Deadlines atAcceptance(Urgency urgency, Instant acceptedAt) {
        return apply(urgency == Urgency.URGENT ? urgent : normal, acceptedAt);
    }

    public Deadlines atReopening(Instant reopenedAt) {
        return apply(reopened, reopenedAt);
    }

    private Deadlines apply(Clocks clocks, Instant start) {
        return new Deadlines(
                clocks.sign().deadlineFrom(start, calendar),
                clocks.firstContact() == null ? null : clocks.firstContact().deadlineFrom(start, calendar),
                clocks.answer().deadlineFrom(start, calendar));
    }
}
