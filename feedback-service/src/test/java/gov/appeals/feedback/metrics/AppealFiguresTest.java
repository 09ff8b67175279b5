package gov.appeals.feedback.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import gov.appeals.events.AnswerResult;
import gov.appeals.events.AppealAccepted;
import gov.appeals.events.AppealAssigned;
import gov.appeals.events.AppealClosed;
import gov.appeals.events.AppealClosed.ClosureReason;
import gov.appeals.events.AppealDueSoon;
import gov.appeals.events.AppealEvent;
import gov.appeals.events.AppealOverdue;
import gov.appeals.events.AppealRated;
import gov.appeals.events.AppealRef;
import gov.appeals.events.AppealReopened;
import gov.appeals.events.AppealResponded;
import gov.appeals.events.AppealReturned;
import gov.appeals.events.AppealSentToTriage;
import gov.appeals.events.AppealSigned;
import gov.appeals.events.AppealStatus;
import gov.appeals.events.ClockKind;
import gov.appeals.events.ExtensionDecided;
import gov.appeals.events.Rating;
import gov.appeals.events.ReturnReason;
import gov.appeals.events.Source;

class AppealFiguresTest {

    private static final AppealRef APPEAL = new AppealRef("a-1", "QS-20260301-000001", Source.HOTLINE_12345, "W1");
    /** 2026-02-28 17:00 UTC is 1 March in Shanghai: the appeal counts in March. */
    private static final Instant ACCEPTED = Instant.parse("2026-02-28T17:00:00Z");

    @Test
    void anAppealCountsOnTheShanghaiDayItWasAcceptedAndNowhereBefore() {
        AppealFigures unknown = AppealFigures.of(APPEAL).apply(assigned(2, "JD-SWJ", ACCEPTED.plusSeconds(60)));
        assertThat(unknown.counted()).isFalse();
        assertThat(unknown.figures()).isEmpty();
        assertThat(Contributions.of(unknown)).isEmpty();

        AppealFigures counted = unknown.apply(accepted());
        assertThat(counted.acceptedDay()).isEqualTo(LocalDate.of(2026, 3, 1));
        assertThat(counted.figures()).containsExactlyInAnyOrder(Figure.VOLUME, Figure.ASSIGNED, Figure.BACKLOG);
        assertThat(Contributions.of(counted).keySet()).contains(
                new RowKey(Granularity.DAY, "2026-03-01", Dimension.DEPARTMENT, "JD-SWJ"),
                new RowKey(Granularity.MONTH, "2026-03", Dimension.STREET, "ST-XH"),
                new RowKey(Granularity.MONTH, "2026-03", Dimension.CATEGORY, "FINANCING"));
    }

    @Test
    void everyEventDeliveredTwiceCountsOnce() {
        List<AppealEvent> history = fullHistory();
        AppealFigures once = fold(history);
        AppealFigures twice = AppealFigures.of(APPEAL);
        for (AppealEvent event : history) {
            AppealFigures after = twice.apply(event);
            assertThat(after.apply(event)).isSameAs(after);
            twice = after;
        }
        assertThat(twice).isEqualTo(once);
        assertThat(Contributions.delta(once, twice)).isEmpty();
    }

    @Test
    void aFullLifeCountsInEveryFigureItEarned() {
        AppealFigures figures = fold(fullHistory());
        assertThat(figures.figures()).containsExactlyInAnyOrder(Figure.VOLUME, Figure.ASSIGNED, Figure.SIGNED_ON_TIME,
                Figure.ANSWERED, Figure.RATED, Figure.SATISFIED, Figure.RESOLVED, Figure.RETURNS, Figure.REOPENS);
        // Late first answer; the dissatisfied rating was superseded by the satisfied one.
        assertThat(figures.rating()).isEqualTo(Rating.SATISFIED);
        assertThat(figures.key(Dimension.DEPARTMENT)).isEqualTo("JD-SCJG");
        // First assignment at +1 h, first answer at +30 h 1 min: 29 h 1 min, rounded up.
        assertThat(figures.answerHours()).isEqualTo(30);
    }

    @Test
    void theTriageUnitIsTheDepartmentUntilALeadIsAssigned() {
        AppealFigures inTriage = fold(List.of(accepted(),
                new AppealSentToTriage(id(), APPEAL, 2, ACCEPTED, "system:dispatch", "JD-JW", "no rule", null, false)));
        assertThat(inTriage.key(Dimension.DEPARTMENT)).isEqualTo("JD-JW");
        assertThat(inTriage.key(Dimension.CATEGORY)).isEqualTo("FINANCING");
        assertThat(inTriage.apply(assigned(3, "JD-SWJ", ACCEPTED)).key(Dimension.DEPARTMENT)).isEqualTo("JD-SWJ");
        assertThat(AppealFigures.of(APPEAL).key(Dimension.DEPARTMENT)).isEqualTo("UNASSIGNED");
    }

    @Test
    void aReturnCountsAgainstTheDepartmentThatReturnedWhileTheAppealMovesToItsNewLead() {
        AppealFigures first = fold(List.of(accepted(), assigned(2, "JD-SWJ", ACCEPTED)));
        AppealFigures rerouted = first.apply(returned(3, "JD-SWJ")).apply(assigned(4, "JD-SCJG", ACCEPTED));

        Map<RowKey, Counts> delta = Contributions.delta(first, rerouted);
        RowKey returner = new RowKey(Granularity.MONTH, "2026-03", Dimension.DEPARTMENT, "JD-SWJ");
        RowKey newLead = new RowKey(Granularity.MONTH, "2026-03", Dimension.DEPARTMENT, "JD-SCJG");
        assertThat(delta.get(returner).get(Figure.VOLUME)).isEqualTo(-1);
        assertThat(delta.get(returner).get(Figure.RETURNS)).isEqualTo(1);
        assertThat(delta.get(returner).get(Figure.ASSIGNED)).isEqualTo(-1);
        assertThat(delta.get(newLead).get(Figure.VOLUME)).isEqualTo(1);
        assertThat(delta.get(newLead).get(Figure.ASSIGNED)).isEqualTo(1);
        assertThat(delta.get(newLead).get(Figure.RETURNS)).isZero();
        // The street row only gains the return.
        Counts street = delta.get(new RowKey(Granularity.MONTH, "2026-03", Dimension.STREET, "ST-XH"));
        assertThat(street.get(Figure.VOLUME)).isZero();
        assertThat(street.get(Figure.RETURNS)).isEqualTo(1);
    }

    @Test
    void aTransferOrAnyOtherReassignmentWithoutAReturnIsNoReturn() {
        AppealFigures moved = fold(List.of(accepted(), assigned(2, "JD-SWJ", ACCEPTED),
                assigned(3, "JD-SCJG", ACCEPTED), assigned(4, "JD-SCJG", ACCEPTED)));
        assertThat(moved.figures()).doesNotContain(Figure.RETURNS);
    }

    @Test
    void overdueLastsUntilTheStageChangeThatStopsTheClock() {
        AppealFigures overdue = fold(List.of(accepted(), assigned(2, "JD-SWJ", ACCEPTED),
                overdue(2, ClockKind.SIGN_FOR)));
        assertThat(overdue.figures()).contains(Figure.OVERDUE_NOW);

        AppealFigures signed = overdue.apply(signed(3, false));
        assertThat(signed.figures()).doesNotContain(Figure.OVERDUE_NOW, Figure.SIGNED_ON_TIME);
        // A late copy of the sign-for alarm, older than the signature, does not bring it back.
        assertThat(signed.apply(overdue(2, ClockKind.SIGN_FOR)).figures()).doesNotContain(Figure.OVERDUE_NOW);

        AppealFigures answerLate = signed.apply(overdue(3, ClockKind.ANSWER));
        assertThat(answerLate.figures()).contains(Figure.OVERDUE_NOW);
        assertThat(answerLate.apply(new ExtensionDecided(id(), APPEAL, 3, ACCEPTED, "supervisor", "JD-SWJ",
                AppealStatus.SIGNED, "x-1", true, "ok", null)).figures()).doesNotContain(Figure.OVERDUE_NOW);
        assertThat(answerLate.apply(new ExtensionDecided(id(), APPEAL, 3, ACCEPTED, "supervisor", "JD-SWJ",
                AppealStatus.SIGNED, "x-1", false, "no", null)).figures()).contains(Figure.OVERDUE_NOW);
    }

    @Test
    void anAppealClosedWithoutARatingIsUnratedAndNoLongerBacklog() {
        AppealFigures closed = fold(List.of(accepted(), assigned(2, "JD-SWJ", ACCEPTED), signed(3, true),
                responded(4, true, ACCEPTED.plusSeconds(3600)),
                new AppealClosed(id(), APPEAL, 5, ACCEPTED, "system:feedback", "JD-SWJ",
                        ClosureReason.NO_RATING_IN_TIME)));
        assertThat(closed.figures()).contains(Figure.UNRATED).doesNotContain(Figure.BACKLOG, Figure.RATED);
    }

    @Test
    void notesThatChangeNoFigureAreNotEvenRemembered() {
        AppealFigures figures = fold(List.of(accepted()));
        AppealDueSoon dueSoon = new AppealDueSoon(id(), APPEAL, 1, ACCEPTED, "system", "JD-SWJ",
                AppealStatus.ACCEPTED, ClockKind.SIGN_FOR, ACCEPTED);
        assertThat(figures.apply(dueSoon)).isSameAs(figures);
    }

    private static List<AppealEvent> fullHistory() {
        return List.of(accepted(), assigned(2, "JD-SWJ", ACCEPTED.plusSeconds(3600)), returned(3, "JD-SWJ"),
                assigned(4, "JD-SCJG", ACCEPTED.plusSeconds(7200)), signed(5, true),
                responded(6, false, ACCEPTED.plusSeconds(30 * 3600 + 60)),
                new AppealRated(id(), APPEAL, 6, ACCEPTED, "hotline", Rating.DISSATISFIED, false, null),
                new AppealReopened(id(), APPEAL, 7, ACCEPTED, "system:feedback", "JD-SCJG", "dissatisfied", null),
                signed(8, false), responded(9, true, ACCEPTED.plusSeconds(60 * 3600)),
                new AppealRated(id(), APPEAL, 9, ACCEPTED, "hotline", Rating.SATISFIED, true, null),
                new AppealClosed(id(), APPEAL, 10, ACCEPTED, "system:feedback", "JD-SCJG", ClosureReason.SATISFIED));
    }

    static AppealFigures fold(List<AppealEvent> events) {
        AppealFigures figures = AppealFigures.of(APPEAL);
        for (AppealEvent event : events) {
            figures = figures.apply(event);
        }
        return figures;
    }

    private static AppealAccepted accepted() {
        return new AppealAccepted(id(), APPEAL, 1, ACCEPTED, "hotline", null, "ST-XH", "t", "c", "FINANCING", null,
                null, null);
    }

    private static AppealAssigned assigned(int version, String department, Instant at) {
        return new AppealAssigned(id(), APPEAL, version, at, "system:dispatch", department, List.of(), null,
                "rule", "why", null);
    }

    private static AppealReturned returned(int version, String department) {
        return new AppealReturned(id(), APPEAL, version, ACCEPTED, "staff:wang", department,
                ReturnReason.NOT_OUR_REMIT, "不属本单位", 1);
    }

    private static AppealSigned signed(int version, boolean onTime) {
        return new AppealSigned(id(), APPEAL, version, ACCEPTED, "staff:li", "JD-SWJ", onTime);
    }

    private static AppealResponded responded(int version, boolean onTime, Instant at) {
        return new AppealResponded(id(), APPEAL, version, at, "staff:li", "JD-SWJ", AnswerResult.RESOLVED, "done",
                onTime);
    }

    private static AppealOverdue overdue(int version, ClockKind clock) {
        return new AppealOverdue(id(), APPEAL, version, ACCEPTED, "system:feedback", "JD-SWJ", AppealStatus.ASSIGNED,
                clock, ACCEPTED);
    }

    private static String id() {
        return UUID.randomUUID().toString();
    }
}
