package gov.appeals.reference.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;

import org.junit.jupiter.api.Test;

import gov.appeals.events.Deadlines;
import gov.appeals.events.Urgency;

class WorkingCalendarTest {

    private final WorkingCalendar calendar = WorkingCalendar.bundled();
    private final DeadlinePolicy policy = DeadlinePolicy.defaults(calendar);

    private static Instant shanghai(String localDateTime) {
        return ZonedDateTime.of(java.time.LocalDateTime.parse(localDateTime), WorkingCalendar.ZONE).toInstant();
    }

    private static LocalDate shanghaiDate(Instant instant) {
        return instant.atZone(WorkingCalendar.ZONE).toLocalDate();
    }

    @Test
    void sundayFourthOfJanuary2026IsAMakeUpWorkingDay() {
        assertThat(calendar.isWorkingDay(LocalDate.parse("2026-01-04"))).isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.parse("2026-01-02"))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.parse("2026-01-10"))).isFalse();
    }

    @Test
    void appealAcceptedOnNewYearsEveIsDueOnTheMakeUpSundayForOneWorkingDay() {
        Deadlines d = policy.atAcceptance(Urgency.NORMAL, shanghai("2025-12-31T16:00"));
        assertThat(shanghaiDate(d.signBy())).isEqualTo(LocalDate.parse("2026-01-04"));
        // 4 Jan (Sun, make-up), 5, 6, 7, 8 Jan: the fifth working day.
        assertThat(shanghaiDate(d.answerBy())).isEqualTo(LocalDate.parse("2026-01-08"));
    }

    @Test
    void springFestivalBreakStopsTheClock() {
        // Accepted Friday 13 Feb 2026; Saturday 14 Feb is a make-up working day, 15-23 Feb are the holiday.
        Deadlines d = policy.atAcceptance(Urgency.NORMAL, shanghai("2026-02-13T10:00"));
        assertThat(shanghaiDate(d.signBy())).isEqualTo(LocalDate.parse("2026-02-14"));
        // 14 Feb, then 24, 25, 26, 27 Feb.
        assertThat(shanghaiDate(d.answerBy())).isEqualTo(LocalDate.parse("2026-02-27"));
    }

    @Test
    void nationalDayWeekDoesNotCountAndTheSaturdayMakeUpDayDoes() {
        // Accepted Tuesday 29 Sep 2026: 30 Sep, then 1-7 Oct off, 8, 9, Saturday 10 Oct (make-up), Monday 12 Oct.
        Deadlines d = policy.atAcceptance(Urgency.NORMAL, shanghai("2026-09-29T10:00"));
        assertThat(shanghaiDate(d.signBy())).isEqualTo(LocalDate.parse("2026-09-30"));
        assertThat(d.answerBy()).isEqualTo(shanghai("2026-10-12T23:59:59"));
    }

    @Test
    void deadlinesEndAtTheEndOfTheLastWorkingDay() {
        Deadlines d = policy.atAcceptance(Urgency.NORMAL, shanghai("2026-11-23T09:15"));
        assertThat(d.answerBy()).isEqualTo(shanghai("2026-11-30T23:59:59"));
    }

    @Test
    void urgentAppealsRunOnTheWallClockForSignAndContact() {
        Instant saturdayNight = shanghai("2026-11-21T22:00");
        Deadlines d = policy.atAcceptance(Urgency.URGENT, saturdayNight);
        assertThat(d.signBy()).isEqualTo(shanghai("2026-11-21T22:30"));
        assertThat(d.firstContactBy()).isEqualTo(shanghai("2026-11-22T00:00"));
        assertThat(shanghaiDate(d.answerBy())).isEqualTo(LocalDate.parse("2026-11-23"));
    }

    @Test
    void reopenedAppealsGetThreeWorkingDaysAndNoContactClock() {
        Deadlines d = policy.atReopening(shanghai("2026-09-24T11:00"));
        // 25-27 Sep off (Mid-Autumn), 28, 29, 30 Sep.
        assertThat(shanghaiDate(d.answerBy())).isEqualTo(LocalDate.parse("2026-09-30"));
        assertThat(d.firstContactBy()).isNull();
    }

    @Test
    void aYearWithoutDataCountsWeekendsOnly() {
        assertThat(calendar.knowsYear(2031)).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.parse("2031-01-01"))).isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.parse("2031-01-04"))).isFalse();
    }

    @Test
    void allowancesParseAndPrintTheirConfigurationForm() {
        assertThat(Allowance.parse("30m").toString()).isEqualTo("30m");
        assertThat(Allowance.parse("2h").toString()).isEqualTo("2h");
        assertThat(Allowance.parse("15wd").workingDays()).isEqualTo(15);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Allowance.parse("five days"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("<n>wd");
    }
}
