package gov.appeals.feedback.casefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

import gov.appeals.events.AnswerResult;
import gov.appeals.events.AppealAssigned;
import gov.appeals.events.AppealClosed;
import gov.appeals.events.AppealClosed.ClosureReason;
import gov.appeals.events.AppealRated;
import gov.appeals.events.AppealRef;
import gov.appeals.events.AppealReopened;
import gov.appeals.events.AppealResponded;
import gov.appeals.events.AppealSentToTriage;
import gov.appeals.events.AppealSigned;
import gov.appeals.events.AppealStatus;
import gov.appeals.events.Deadlines;
import gov.appeals.events.Rating;
import gov.appeals.events.Source;
import gov.appeals.reference.calendar.DeadlinePolicy;
import gov.appeals.reference.calendar.WorkingCalendar;

class CaseFileTest {

    private static final AppealRef APPEAL = new AppealRef("a-1", "QS-20260428-000001", Source.HOTLINE_12345, "W-1");
    private static final Instant T0 = Instant.parse("2026-04-27T02:00:00Z");
    private static final Deadlines CLOCKS = new Deadlines(T0.plusSeconds(86_400), T0.plusSeconds(86_400),
            Instant.parse("2026-04-30T15:59:59Z"));
    private static final SupervisionRules POLICY = SupervisionRules.defaults(
            DeadlinePolicy.defaults(WorkingCalendar.bundled()), "JD-JW", "JD-DDZB");

    private static AppealAssigned assigned(int version, String lead) {
        return new AppealAssigned("assigned-" + version, APPEAL, version, T0, "system:dispatch-service", lead,
                List.of("SHJD-STAT"), "FINANCING", "rule:category:FINANCING", "financing", CLOCKS);
    }

    private static AppealSigned signed(int version) {
        return new AppealSigned("signed-" + version, APPEAL, version, T0.plusSeconds(600), "staff:li", "SHJD-FIN", true);
    }

    private static AppealRated rated(String id, int version, Rating rating, String comment) {
        return new AppealRated(id, APPEAL, version, T0.plusSeconds(7_200), "hotline", rating, false, comment);
    }

    private static CaseFile signedCase() {
        return CaseFile.open(APPEAL).apply(assigned(2, "SHJD-FIN")).apply(signed(3));
    }

    private static CaseFile respondedCase() {
        return signedCase().answer(new AnswerCommand(AnswerResult.RESOLVED, "Loan approved", "wang"),
                T0.plusSeconds(3_600), "responded-4").file();
    }

    @Test
    void assignmentSetsLeadCoHandlersDeadlinesAndStatus() {
        CaseFile file = CaseFile.open(APPEAL).apply(assigned(2, "SHJD-FIN"));

        assertThat(file.status()).isEqualTo(AppealStatus.ASSIGNED);
        assertThat(file.lead()).isEqualTo("SHJD-FIN");
        assertThat(file.coHandlers()).containsExactly("SHJD-STAT");
        assertThat(file.deadlines()).isEqualTo(CLOCKS);
        assertThat(file.version()).isEqualTo(2);
        assertThat(file.appliedEventIds()).containsExactly("assigned-2");
    }

    @Test
    void sameEventTwiceChangesNothingTheSecondTime() {
        CaseFile once = CaseFile.open(APPEAL).apply(assigned(2, "SHJD-FIN"));

        assertThat(once.apply(assigned(2, "SHJD-FIN"))).isSameAs(once);
    }

    @Test
    void olderEventArrivingLateKeepsTheNewerStatusButFillsTheAssignment() {
        CaseFile file = CaseFile.open(APPEAL).apply(signed(3)).apply(assigned(2, "SHJD-FIN"));

        assertThat(file.status()).isEqualTo(AppealStatus.SIGNED);
        assertThat(file.version()).isEqualTo(3);
        assertThat(file.deadlines()).isEqualTo(CLOCKS);
        assertThat(file.coHandlers()).containsExactly("SHJD-STAT");
        assertThat(file.appliedEventIds()).containsExactlyInAnyOrder("signed-3", "assigned-2");
    }

    @Test
    void olderAssignmentDoesNotReplaceANewerOne() {
        CaseFile file = CaseFile.open(APPEAL).apply(assigned(4, "SHJD-MARKET")).apply(assigned(2, "SHJD-FIN"));

        assertThat(file.lead()).isEqualTo("SHJD-MARKET");
        assertThat(file.version()).isEqualTo(4);
    }

    @Test
    void triageChangesOnlyTheStatus() {
        CaseFile file = CaseFile.open(APPEAL).apply(new AppealSentToTriage("triage-2", APPEAL, 2, T0,
                "system:dispatch-service", "SHJD-ECON", "no rule", CLOCKS, false));

        assertThat(file.status()).isEqualTo(AppealStatus.TRIAGE);
        assertThat(file.lead()).isNull();
    }

    @Test
    void answerOfASignedCaseAnnouncesRespondedAsTheNextVersion() {
        Instant now = T0.plusSeconds(3_600);

        Answered answered = signedCase().answer(new AnswerCommand(AnswerResult.PARTIALLY_RESOLVED, "Half done", null),
                now, "responded-4");

        AppealResponded event = answered.announcement();
        assertThat(event.eventId()).isEqualTo("responded-4");
        assertThat(event.version()).isEqualTo(4);
        assertThat(event.department()).isEqualTo("SHJD-FIN");
        assertThat(event.actor()).isEqualTo("staff:SHJD-FIN");
        assertThat(event.result()).isEqualTo(AnswerResult.PARTIALLY_RESOLVED);
        assertThat(event.withinDeadline()).isTrue();
        assertThat(event.occurredAt()).isEqualTo(now);
        assertThat(answered.file().status()).isEqualTo(AppealStatus.RESPONDED);
        assertThat(answered.file().version()).isEqualTo(4);
        assertThat(answered.file().hasApplied("responded-4")).isTrue();
    }

    @Test
    void answerNamesTheStaffMemberWhenGiven() {
        Answered answered = signedCase().answer(new AnswerCommand(AnswerResult.RESOLVED, "Done", "wang"),
                T0, "responded-4");

        assertThat(answered.announcement().actor()).isEqualTo("staff:wang");
    }

    @Test
    void answerAfterTheAnswerDeadlineIsLate() {
        Answered answered = signedCase().answer(new AnswerCommand(AnswerResult.EXPLAINED, "Cannot", null),
                CLOCKS.answerBy().plusSeconds(1), "responded-4");

        assertThat(answered.announcement().withinDeadline()).isFalse();
        assertThat(answered.file().answer().withinDeadline()).isFalse();
    }

    @Test
    void rejectsAnswerToACaseNotSignedFor() {
        CaseFile assignedOnly = CaseFile.open(APPEAL).apply(assigned(2, "SHJD-FIN"));

        assertThatThrownBy(() -> assignedOnly.answer(new AnswerCommand(AnswerResult.RESOLVED, "Done", null), T0, "x"))
                .isInstanceOf(CaseNotAnswerableException.class)
                .satisfies(e -> assertThat(((CaseNotAnswerableException) e).status()).isEqualTo(AppealStatus.ASSIGNED))
                .satisfies(e -> assertThat(((CaseNotAnswerableException) e).currentStatus()).isEqualTo("ASSIGNED"));
    }

    @Test
    void repeatingTheSameAnswerAnnouncesNothingNew() {
        CaseFile responded = respondedCase();

        Answered again = responded.answer(new AnswerCommand(AnswerResult.RESOLVED, "Loan approved", "wang"),
                T0.plusSeconds(9_000), "another-id");

        assertThat(again.isRepeat()).isTrue();
        assertThat(again.file()).isSameAs(responded);
    }

    @Test
    void rejectsADifferentAnswerToAnAnsweredCase() {
        CaseFile responded = respondedCase();

        assertThatThrownBy(() -> responded.answer(new AnswerCommand(AnswerResult.EXPLAINED, "Other text", "wang"),
                T0, "another-id"))
                .isInstanceOf(CaseNotAnswerableException.class)
                .hasMessageContaining("RESPONDED");
    }

    @Test
    void satisfiedRatingClosesTheAppealForTheLead() {
        Instant now = T0.plusSeconds(10_000);

        RatingDecision decision = respondedCase().rate(rated("rated-5", 5, Rating.SATISFIED, null), now, POLICY,
                "closed-6");

        AppealClosed closed = (AppealClosed) decision.announcement();
        assertThat(closed.eventId()).isEqualTo("closed-6");
        assertThat(closed.version()).isEqualTo(6);
        assertThat(closed.actor()).isEqualTo("system:feedback-service");
        assertThat(closed.department()).isEqualTo("SHJD-FIN");
        assertThat(closed.reason()).isEqualTo(ClosureReason.SATISFIED);
        assertThat(decision.changed()).isTrue();
        assertThat(decision.file().status()).isEqualTo(AppealStatus.CLOSED);
        assertThat(decision.file().rating().rating()).isEqualTo(Rating.SATISFIED);
        assertThat(decision.file().appliedEventIds()).contains("rated-5", "closed-6");
    }

    @Test
    void basicallySatisfiedRatingClosesWithThatReason() {
        RatingDecision decision = respondedCase().rate(rated("rated-5", 5, Rating.BASICALLY_SATISFIED, null), T0,
                POLICY, "closed-6");

        assertThat(((AppealClosed) decision.announcement()).reason()).isEqualTo(ClosureReason.BASICALLY_SATISFIED);
    }

    @Test
    void dissatisfiedRatingReopensToTheSameLeadWithThreeWorkingDaysAcrossTheMayHoliday() {
        Instant now = OffsetDateTime.parse("2026-04-30T10:00:00+08:00").toInstant();

        RatingDecision decision = respondedCase().rate(rated("rated-5", 5, Rating.DISSATISFIED, " still no loan "),
                now, POLICY, "reopened-6");

        AppealReopened reopened = (AppealReopened) decision.announcement();
        assertThat(reopened.version()).isEqualTo(6);
        assertThat(reopened.department()).isEqualTo("SHJD-FIN");
        assertThat(reopened.reason()).isEqualTo("enterprise dissatisfied: still no loan");
        assertThat(reopened.deadlines().signBy()).isEqualTo(OffsetDateTime.parse("2026-05-06T23:59:59+08:00").toInstant());
        assertThat(reopened.deadlines().firstContactBy()).isNull();
        assertThat(reopened.deadlines().answerBy()).isEqualTo(OffsetDateTime.parse("2026-05-08T23:59:59+08:00").toInstant());
        assertThat(decision.file().status()).isEqualTo(AppealStatus.REOPENED);
        assertThat(decision.file().deadlines()).isEqualTo(reopened.deadlines());
        assertThat(decision.file().lead()).isEqualTo("SHJD-FIN");
    }

    @Test
    void reopenedCaseMustBeSignedAgainBeforeItIsAnswered() {
        CaseFile reopened = respondedCase().rate(rated("rated-5", 5, Rating.DISSATISFIED, null), T0, POLICY,
                "reopened-6").file();

        assertThatThrownBy(() -> reopened.answer(new AnswerCommand(AnswerResult.RESOLVED, "Loan approved", "wang"),
                T0, "x")).isInstanceOf(CaseNotAnswerableException.class).hasMessageContaining("REOPENED");

        CaseFile signedAgain = reopened.apply(signed(7));
        Answered answered = signedAgain.answer(new AnswerCommand(AnswerResult.RESOLVED, "Loan approved", "wang"),
                T0, "responded-8");
        assertThat(answered.announcement().version()).isEqualTo(8);
    }

    @Test
    void redeliveredRatingGetsTheSameDecisionBack() {
        RatingDecision first = respondedCase().rate(rated("rated-5", 5, Rating.SATISFIED, null), T0, POLICY,
                "closed-6");

        RatingDecision again = first.file().rate(rated("rated-5", 5, Rating.SATISFIED, null), T0.plusSeconds(60),
                POLICY, "some-other-id");

        assertThat(again.changed()).isFalse();
        assertThat(again.announcement()).isEqualTo(first.announcement());
        assertThat(again.file()).isSameAs(first.file());
    }

    @Test
    void ourOwnAnnouncementComingBackChangesNothing() {
        RatingDecision decision = respondedCase().rate(rated("rated-5", 5, Rating.SATISFIED, null), T0, POLICY,
                "closed-6");

        assertThat(decision.file().apply(decision.announcement())).isSameAs(decision.file());
    }

    @Test
    void refusesToDecideOnARatingOfAnUnansweredCase() {
        assertThatThrownBy(() -> signedCase().rate(rated("rated-4", 4, Rating.SATISFIED, null), T0, POLICY, "x"))
                .isInstanceOf(RatingNotApplicableException.class)
                .satisfies(e -> assertThat(((RatingNotApplicableException) e).currentStatus()).isEqualTo("SIGNED"));
        assertThatThrownBy(() -> CaseFile.open(APPEAL).rate(rated("rated-4", 4, Rating.SATISFIED, null), T0, POLICY,
                "x")).isInstanceOf(RatingNotApplicableException.class);
    }

    @Test
    void respondedEventFromElsewhereRecordsItsAnswer() {
        CaseFile file = signedCase().apply(new AppealResponded("responded-4", APPEAL, 4, T0, "staff:li", "SHJD-FIN",
                AnswerResult.EXPLAINED, "Not possible", false));

        assertThat(file.status()).isEqualTo(AppealStatus.RESPONDED);
        assertThat(file.answer().text()).isEqualTo("Not possible");
        assertThat(file.answer().withinDeadline()).isFalse();
    }
}
