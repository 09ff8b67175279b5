package gov.appeals.feedback.casefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

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
import gov.appeals.events.AppealSentToTriage;
import gov.appeals.events.AppealSigned;
import gov.appeals.events.AppealStatus;
import gov.appeals.events.ClockKind;
import gov.appeals.events.Deadlines;
import gov.appeals.events.Enterprise;
import gov.appeals.events.ExtensionDecided;
import gov.appeals.events.Rating;
import gov.appeals.events.Source;
import gov.appeals.events.SupervisionOrderRaised;
import gov.appeals.events.Urgency;
import gov.appeals.reference.calendar.Allowance;
import gov.appeals.reference.calendar.DeadlinePolicy;
import gov.appeals.reference.calendar.WorkingCalendar;

/** Clocks, supervision orders, extensions and the end of the callback window, on one case at a time. */
class CaseSupervisionTest {

    private static final AppealRef APPEAL = new AppealRef("a-1", "QS-20260302-000001", Source.HOTLINE_12345, "W-1");
    private static final String LEAD = "JD-JRB";
    private static final String KEY_CODE = "91310114MA1GT35K2X";
    private static final DeadlinePolicy POLICY = DeadlinePolicy.defaults(WorkingCalendar.bundled());
    private static final SupervisionRules RULES = new SupervisionRules(POLICY, Allowance.ofWorkingDays(1), 0.25,
            Allowance.ofWorkingDays(3), Allowance.ofWorkingDays(3), Allowance.ofWorkingDays(15), 3, "JD-JW",
            "JD-DDZB", Set.of(KEY_CODE));
    /** Monday 2 March 2026, 10:00 in Shanghai: a week without holidays. */
    private static final Instant ACCEPTED = shanghai("2026-03-02T10:00");
    private static final Deadlines CLOCKS = POLICY.atAcceptance(Urgency.NORMAL, ACCEPTED);

    private static Instant shanghai(String localDateTime) {
        return ZonedDateTime.of(LocalDateTime.parse(localDateTime), WorkingCalendar.ZONE).toInstant();
    }

    private static Supplier<String> ids() {
        AtomicInteger next = new AtomicInteger();
        return () -> "e-" + next.incrementAndGet();
    }

    private static CaseFile assignedCase(String creditCode, Boolean keyFlag) {
        AppealAccepted accepted = new AppealAccepted("accepted-1", APPEAL, 1, ACCEPTED, "hotline",
                new Enterprise("某公司", creditCode, "王", "13800138000"), "ST-ML", "续贷", "内容", "FINANCING",
                Urgency.NORMAL, CLOCKS, keyFlag);
        return CaseFile.open(APPEAL).apply(accepted).apply(new AppealAssigned("assigned-2", APPEAL, 2, ACCEPTED,
                "system:dispatch-service", LEAD, List.of(), "FINANCING", "rule:category:FINANCING", "financing",
                CLOCKS));
    }

    private static CaseFile assignedCase() {
        return assignedCase("91310114CL12TH3B1T", null);
    }

    private static CaseFile signed(CaseFile file, Instant at) {
        return file.apply(new AppealSigned("signed-3", APPEAL, 3, at, "staff:li", LEAD, true));
    }

    @Test
    void normalClocksAreDueSoonAQuarterOfTheirAllowanceBeforeTheDeadlineWhenThatIsShorterThanAWorkingDay() {
        assertThat(CLOCKS.signBy()).isEqualTo(shanghai("2026-03-03T23:59:59"));
        assertThat(CLOCKS.answerBy()).isEqualTo(shanghai("2026-03-09T23:59:59"));
        // Sign-for: 37 h 59 min 59 s allowance, a quarter is 9 h 29 min 59.75 s, shorter than a working day.
        assertThat(RULES.dueSoonAt(ACCEPTED, CLOCKS.signBy())).isEqualTo(shanghai("2026-03-03T14:30").minusMillis(750));
        // Answer: 181 h 59 min 59 s, a quarter is 45 h 29 min 59.75 s, shorter than the 72 h back to Friday's end.
        assertThat(RULES.dueSoonAt(ACCEPTED, CLOCKS.answerBy())).isEqualTo(shanghai("2026-03-08T02:30").minusMillis(750));
    }

    @Test
    void aLongClockIsDueSoonOneWorkingDayBeforeItsDeadlineCountingTheCalendar() {
        // Across National Day: one working day before Monday 12 Oct 2026 is the make-up Saturday 10 Oct.
        assertThat(RULES.dueSoonAt(shanghai("2026-09-29T10:00"), shanghai("2026-10-12T23:59:59")))
                .isEqualTo(shanghai("2026-10-10T23:59:59"));
    }

    @Test
    void eachAlarmFiresOnceAndTheNextOneIsWhatTheStoreWaitsFor() {
        CaseFile file = assignedCase();
        assertThat(ClockAlarms.next(file, RULES)).contains(RULES.dueSoonAt(ACCEPTED, CLOCKS.signBy()));

        CaseChange dueSoon = CaseSupervision.fire(file, shanghai("2026-03-03T15:00"), RULES, ids());
        assertThat(dueSoon.events()).singleElement().isInstanceOfSatisfying(AppealDueSoon.class, e -> {
            assertThat(e.clock()).isEqualTo(ClockKind.SIGN_FOR);
            assertThat(e.deadline()).isEqualTo(CLOCKS.signBy());
            assertThat(e.version()).as("a note on the current stage").isEqualTo(2);
            assertThat(e.status()).isEqualTo(AppealStatus.ASSIGNED);
            assertThat(e.department()).isEqualTo(LEAD);
        });
        assertThat(dueSoon.file().status()).isEqualTo(AppealStatus.ASSIGNED);
        assertThat(dueSoon.file().version()).isEqualTo(2);

        CaseChange again = CaseSupervision.fire(dueSoon.file(), shanghai("2026-03-03T16:00"), RULES, ids());
        assertThat(again.changed()).isFalse();
        assertThat(ClockAlarms.next(dueSoon.file(), RULES)).contains(CLOCKS.signBy());
    }

    @Test
    void aClockFoundPastItsDeadlineIsOverdueOnceWithoutADueSoonAndRaisesOneSupervisionOrder() {
        Instant late = shanghai("2026-03-04T09:00");
        CaseChange fired = CaseSupervision.fire(assignedCase(), late, RULES, ids());

        assertThat(fired.events()).hasSize(2);
        AppealOverdue overdue = (AppealOverdue) fired.events().get(0);
        assertThat(overdue.clock()).isEqualTo(ClockKind.SIGN_FOR);
        SupervisionOrderRaised order = (SupervisionOrderRaised) fired.events().get(1);
        assertThat(order.trigger()).isEqualTo(SupervisionOrderRaised.Trigger.OVERDUE);
        assertThat(order.department()).isEqualTo(LEAD);
        assertThat(order.dueBy()).as("3 working days: Thu, Fri, Mon").isEqualTo(shanghai("2026-03-09T23:59:59"));
        assertThat(order.escalatedTo()).isNull();
        assertThat(fired.file().supervision().openOrder()).isPresent();
        assertThat(CaseSupervision.fire(fired.file(), late.plusSeconds(60), RULES, ids()).changed()).isFalse();

        // The answer clock runs out later: overdue again, but the open order is not doubled.
        CaseChange answerLate = CaseSupervision.fire(fired.file(), shanghai("2026-03-10T09:00"), RULES, ids());
        assertThat(answerLate.events()).singleElement().isInstanceOfSatisfying(AppealOverdue.class,
                e -> assertThat(e.clock()).isEqualTo(ClockKind.ANSWER));
        assertThat(answerLate.file().supervision().orders()).hasSize(1);
    }

    @Test
    void signingStopsTheSignForClockAndAnsweringStopsTheAnswerClock() {
        CaseFile signedInTime = signed(assignedCase(), shanghai("2026-03-02T11:00"));
        CaseChange fired = CaseSupervision.fire(signedInTime, shanghai("2026-03-08T03:00"), RULES, ids());
        assertThat(fired.events()).singleElement().isInstanceOfSatisfying(AppealDueSoon.class,
                e -> assertThat(e.clock()).isEqualTo(ClockKind.ANSWER));

        CaseFile answered = signedInTime.answer(new AnswerCommand(AnswerResult.RESOLVED, "done", "li"),
                shanghai("2026-03-05T10:00"), "responded-4").file();
        assertThat(CaseSupervision.fire(answered, shanghai("2026-03-09T12:00"), RULES, ids()).changed()).isFalse();
    }

    @Test
    void aKeyEnterprisesOverdueAppealEscalatesToTheTaskForceByIntakesFlagOrByTheConfiguredList() {
        Instant late = shanghai("2026-03-04T09:00");
        SupervisionOrderRaised flagged = (SupervisionOrderRaised) CaseSupervision.fire(
                assignedCase("91310114CL12TH3B1T", true), late, RULES, ids()).events().get(1);
        SupervisionOrderRaised listed = (SupervisionOrderRaised) CaseSupervision.fire(
                assignedCase(KEY_CODE, null), late, RULES, ids()).events().get(1);

        assertThat(flagged.escalatedTo()).isEqualTo("JD-DDZB");
        assertThat(listed.escalatedTo()).isEqualTo("JD-DDZB");
    }

    @Test
    void reRoutingKeepsTheClocksRunningFromTheFirstAssignment() {
        Deadlines fresh = POLICY.atAcceptance(Urgency.NORMAL, shanghai("2026-03-05T10:00"));
        CaseFile rerouted = assignedCase().apply(new AppealAssigned("assigned-3", APPEAL, 3,
                shanghai("2026-03-05T10:00"), "triage:triager", "JD-SWW", List.of(), "FINANCING", "triage:triager",
                "commerce leads", fresh));

        assertThat(rerouted.lead()).isEqualTo("JD-SWW");
        assertThat(rerouted.deadlines()).isEqualTo(CLOCKS);
    }

    @Test
    void aSupervisorsOrderIsClosedOnlyOnceTheDepartmentAnsweredAfterIt() {
        Instant raisedAt = shanghai("2026-03-03T09:00");
        CaseChange raised = CaseSupervision.raiseOrder(signed(assignedCase(), raisedAt), "请尽快联系企业", "supervisor:s",
                raisedAt, RULES, "order-1");
        SupervisionOrder order = raised.file().supervision().order("order-1").orElseThrow();
        assertThat(order.trigger()).isEqualTo(SupervisionOrderRaised.Trigger.MANUAL);
        assertThat(order.dueBy()).isEqualTo(shanghai("2026-03-06T23:59:59"));

        assertThatThrownBy(() -> CaseSupervision.closeOrder(raised.file(), "order-1", "ok", "supervisor:s",
                raisedAt.plusSeconds(60), "close-1")).isInstanceOf(SupervisionConflictException.class)
                .hasMessageContaining("stays open until " + LEAD + " answers");

        CaseFile answered = raised.file().answer(new AnswerCommand(AnswerResult.RESOLVED, "done", "li"),
                shanghai("2026-03-04T10:00"), "responded-4").file();
        CaseChange closed = CaseSupervision.closeOrder(answered, "order-1", "answered in time", "supervisor:s",
                shanghai("2026-03-04T11:00"), "close-1");
        assertThat(closed.file().supervision().openOrder()).isEmpty();
        assertThat(CaseSupervision.closeOrder(closed.file(), "order-1", "again", "supervisor:s",
                shanghai("2026-03-04T12:00"), "close-2").changed()).as("closing twice").isFalse();
        assertThatThrownBy(() -> CaseSupervision.raiseOrder(answered.apply(new AppealClosed("closed-6", APPEAL, 6,
                        raisedAt, "system:feedback-service", LEAD, ClosureReason.SATISFIED)), "x", "supervisor:s",
                raisedAt, RULES, "order-2")).isInstanceOf(SupervisionConflictException.class);
    }

    @Test
    void anApprovedExtensionMovesTheAnswerDeadlineAndArmsItsAlarmsAfresh() {
        CaseFile signed = signed(assignedCase(), shanghai("2026-03-02T11:00"));
        CaseFile dueSoon = CaseSupervision.fire(signed, shanghai("2026-03-08T03:00"), RULES, ids()).file();

        CaseChange requested = CaseSupervision.requestExtension(dueSoon, LocalDate.parse("2026-03-16"),
                "需要现场核查", "staff:head-" + LEAD, shanghai("2026-03-08T09:00"), RULES, "ext-1");
        assertThat(requested.file().supervision().pendingExtension()).isPresent();
        assertThat(requested.file().deadlines()).as("a request alone moves nothing").isEqualTo(CLOCKS);

        CaseChange approved = CaseSupervision.decideExtension(requested.file(), "ext-1", true, "同意",
                "supervisor:s", shanghai("2026-03-09T10:00"), "decided-1");
        ExtensionDecided decided = (ExtensionDecided) approved.events().get(0);
        assertThat(decided.deadlines().answerBy()).isEqualTo(shanghai("2026-03-16T23:59:59"));
        assertThat(approved.file().deadlines().answerBy()).isEqualTo(shanghai("2026-03-16T23:59:59"));
        assertThat(approved.file().deadlines().signBy()).isEqualTo(CLOCKS.signBy());
        assertThat(CaseSupervision.decideExtension(approved.file(), "ext-1", true, "同意", "supervisor:s",
                shanghai("2026-03-09T10:05"), "decided-2").changed()).as("the same decision again").isFalse();

        assertThat(CaseSupervision.fire(approved.file(), shanghai("2026-03-10T09:00"), RULES, ids()).changed())
                .as("the old deadline passed, the new one has not").isFalse();
        assertThat(CaseSupervision.fire(approved.file(), shanghai("2026-03-17T09:00"), RULES, ids()).events())
                .first().isInstanceOfSatisfying(AppealOverdue.class,
                        e -> assertThat(e.deadline()).isEqualTo(shanghai("2026-03-16T23:59:59")));
    }

    @Test
    void aRefusedExtensionChangesNothing() {
        CaseFile signed = signed(assignedCase(), shanghai("2026-03-02T11:00"));
        CaseFile requested = CaseSupervision.requestExtension(signed, LocalDate.parse("2026-03-13"), "复杂",
                "staff:head", shanghai("2026-03-05T09:00"), RULES, "ext-1").file();

        CaseChange refused = CaseSupervision.decideExtension(requested, "ext-1", false, "不符合延期条件",
                "supervisor:s", shanghai("2026-03-05T10:00"), "decided-1");

        assertThat(((ExtensionDecided) refused.events().get(0)).deadlines()).isNull();
        assertThat(refused.file().deadlines()).isEqualTo(CLOCKS);
        assertThat(refused.file().supervision().extension("ext-1").orElseThrow().state())
                .isEqualTo(Extension.State.REFUSED);
        assertThatThrownBy(() -> CaseSupervision.decideExtension(refused.file(), "ext-1", true, "", "supervisor:s",
                shanghai("2026-03-05T11:00"), "decided-2")).isInstanceOf(ExtensionNotPossibleException.class);
    }

    @Test
    void aLateRequestALapsedApprovalAndADateBeyondFifteenWorkingDaysAreRefused() {
        CaseFile signed = signed(assignedCase(), shanghai("2026-03-02T11:00"));

        assertThatThrownBy(() -> CaseSupervision.requestExtension(signed, LocalDate.parse("2026-03-16"), "晚了",
                "staff:head", shanghai("2026-03-10T09:00"), RULES, "ext-1"))
                .isInstanceOf(ExtensionNotPossibleException.class).hasMessageContaining("has passed");
        // 15 working days from Monday 2 March end on Monday 23 March.
        assertThatThrownBy(() -> CaseSupervision.requestExtension(signed, LocalDate.parse("2026-03-24"), "太远",
                "staff:head", shanghai("2026-03-05T09:00"), RULES, "ext-1"))
                .isInstanceOfSatisfying(ExtensionDateException.class, e -> assertThat(e.problems()).singleElement()
                        .satisfies(problem -> {
                            assertThat(problem.field()).isEqualTo("until");
                            assertThat(problem.message()).contains("2026-03-23");
                        }));
        assertThatThrownBy(() -> CaseSupervision.requestExtension(signed, LocalDate.parse("2026-03-09"), "不变",
                "staff:head", shanghai("2026-03-05T09:00"), RULES, "ext-1"))
                .isInstanceOf(ExtensionDateException.class);

        CaseFile requested = CaseSupervision.requestExtension(signed, LocalDate.parse("2026-03-23"), "复杂",
                "staff:head", shanghai("2026-03-05T09:00"), RULES, "ext-1").file();
        assertThatThrownBy(() -> CaseSupervision.requestExtension(requested, LocalDate.parse("2026-03-20"), "再来",
                "staff:head", shanghai("2026-03-05T09:30"), RULES, "ext-2"))
                .isInstanceOf(ExtensionNotPossibleException.class).hasMessageContaining("waiting for a decision");
        assertThatThrownBy(() -> CaseSupervision.decideExtension(requested, "ext-1", true, "", "supervisor:s",
                shanghai("2026-03-10T09:00"), "decided-1"))
                .isInstanceOf(ExtensionNotPossibleException.class).hasMessageContaining("lapsed");
        assertThat(CaseSupervision.decideExtension(requested, "ext-1", false, "逾期未决", "supervisor:s",
                shanghai("2026-03-10T09:00"), "decided-1").changed()).as("a lapsed request can be refused").isTrue();
    }

    @Test
    void noRatingWithinThreeWorkingDaysOfTheAnswerClosesTheAppealAsUnrated() {
        CaseFile answered = signed(assignedCase(), shanghai("2026-03-02T11:00"))
                .answer(new AnswerCommand(AnswerResult.RESOLVED, "done", "li"), shanghai("2026-03-05T10:00"),
                        "responded-4").file();
        // Answered Thursday: Friday, Monday, Tuesday.
        assertThat(ClockAlarms.next(answered, RULES)).contains(shanghai("2026-03-10T23:59:59"));
        assertThat(CaseSupervision.fire(answered, shanghai("2026-03-10T12:00"), RULES, ids()).changed()).isFalse();

        CaseChange closed = CaseSupervision.fire(answered, shanghai("2026-03-11T00:00"), RULES, ids());

        assertThat(closed.events()).singleElement().isInstanceOfSatisfying(AppealClosed.class, e -> {
            assertThat(e.reason()).isEqualTo(ClosureReason.NO_RATING_IN_TIME);
            assertThat(e.version()).as("a stage change").isEqualTo(5);
        });
        assertThat(closed.file().status()).isEqualTo(AppealStatus.CLOSED);
        assertThat(ClockAlarms.next(closed.file(), RULES)).isEmpty();
        assertThatThrownBy(() -> closed.file().rate(new AppealRated("late-rating", APPEAL, 5,
                shanghai("2026-03-11T08:00"), "hotline", Rating.SATISFIED, true, null), shanghai("2026-03-11T08:00"),
                RULES, "x")).isInstanceOf(RatingNotApplicableException.class);
    }

    @Test
    void theThirdDissatisfiedRatingSendsTheAppealToTriageWithASupervisorFlagInsteadOfReopeningIt() {
        CaseFile file = signed(assignedCase(), shanghai("2026-03-02T11:00"));
        Instant at = shanghai("2026-03-03T10:00");
        List<AppealEvent> decisions = new ArrayList<>();
        for (int round = 1; round <= 3; round++) {
            int v = file.version();
            file = file.answer(new AnswerCommand(AnswerResult.RESOLVED, "answer " + round, "li"), at,
                    "responded-" + round).file();
            RatingDecision decision = file.rate(new AppealRated("rated-" + round, APPEAL, v + 2, at, "hotline",
                    Rating.DISSATISFIED, false, "仍未解决"), at, RULES, "decision-" + round);
            decisions.add(decision.announcement());
            file = decision.file();
            if (file.status() == AppealStatus.REOPENED) {
                file = file.apply(new AppealSigned("signed-again-" + round, APPEAL, file.version() + 1, at,
                        "staff:li", LEAD, true));
            }
        }

        assertThat(decisions.get(0)).isInstanceOf(AppealReopened.class);
        assertThat(decisions.get(1)).isInstanceOf(AppealReopened.class);
        assertThat(decisions.get(2)).isInstanceOfSatisfying(AppealSentToTriage.class, triage -> {
            assertThat(triage.supervisorFlag()).isTrue();
            assertThat(triage.department()).isEqualTo("JD-JW");
            assertThat(triage.reason()).contains("3 times");
            assertThat(triage.deadlines().answerBy()).as("fresh reopening clocks").isAfter(at);
        });
        assertThat(file.status()).isEqualTo(AppealStatus.TRIAGE);
        assertThat(file.supervision().dissatisfied()).isEqualTo(3);
        assertThat(file.supervision().flagged()).isTrue();
    }
}
