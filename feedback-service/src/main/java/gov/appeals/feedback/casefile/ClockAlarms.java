package gov.appeals.feedback.casefile;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import gov.appeals.events.AppealStatus;
import gov.appeals.events.ClockKind;
import gov.appeals.events.Deadlines;

/**
 * Which clocks of a case are running and when each one's alarms go off. A clock runs only while the department
 * can still meet it: sign-for until the lead signs, answer until it answers; after the answer, the callback window
 * runs until the enterprise rates. An alarm is identified by its deadline, so a new deadline (an approved
 * extension, a reopening) arms new alarms while a fired one never fires again.
 *
 * <p>The first-contact clock is shown but not watched: nothing records a first contact yet (the department
 * workflows will), and watching it would call every appeal not answered within a day overdue.
 */
public final class ClockAlarms {

    public enum Kind { DUE_SOON, OVERDUE, RATING_WINDOW }

    /** @param clock null for the callback window */
    public record Alarm(Kind kind, ClockKind clock, Instant deadline, Instant at) {
        public String key() {
            return kind + ":" + (clock == null ? "-" : clock) + ":" + deadline.toEpochMilli();
        }
    }

    private ClockAlarms() {
    }

    /** Every alarm of the running clocks that has not fired yet, soonest first. */
    public static List<Alarm> pending(CaseFile file, SupervisionRules rules) {
        List<Alarm> alarms = new ArrayList<>();
        AppealStatus status = file.status();
        Deadlines deadlines = file.deadlines();
        Supervision supervision = file.supervision();
        if (status == null) {
            return alarms;
        }
        if (deadlines != null && file.lead() != null) {
            if ((status == AppealStatus.ASSIGNED || status == AppealStatus.REOPENED) && deadlines.signBy() != null) {
                clock(alarms, ClockKind.SIGN_FOR, supervision.clockStart(), deadlines.signBy(), rules);
            }
            if ((status == AppealStatus.ASSIGNED || status == AppealStatus.SIGNED || status == AppealStatus.REOPENED)
                    && deadlines.answerBy() != null) {
                clock(alarms, ClockKind.ANSWER, supervision.clockStart(), deadlines.answerBy(), rules);
            }
        }
        if (status == AppealStatus.RESPONDED && file.answer() != null) {
            Instant closesAt = rules.ratingWindow().deadlineFrom(file.answer().answeredAt(), rules.calendar());
            alarms.add(new Alarm(Kind.RATING_WINDOW, null, closesAt, closesAt));
        }
        alarms.removeIf(alarm -> supervision.hasFired(alarm.key()));
        alarms.sort(Comparator.comparing(Alarm::at));
        return alarms;
    }

    /** When the next alarm of the case goes off, if any clock is running. */
    public static Optional<Instant> next(CaseFile file, SupervisionRules rules) {
        return pending(file, rules).stream().map(Alarm::at).findFirst();
    }

    private static void clock(List<Alarm> alarms, ClockKind clock, Instant start, Instant deadline,
                              SupervisionRules rules) {
        alarms.add(new Alarm(Kind.DUE_SOON, clock, deadline, rules.dueSoonAt(start, deadline)));
        alarms.add(new Alarm(Kind.OVERDUE, clock, deadline, deadline));
    }
}
