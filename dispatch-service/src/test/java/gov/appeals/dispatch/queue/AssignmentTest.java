package gov.appeals.dispatch.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import gov.appeals.dispatch.routing.RoutingDecision;
import gov.appeals.events.AppealAccepted;
import gov.appeals.events.AppealAssigned;
import gov.appeals.events.AppealClosed;
import gov.appeals.events.AppealRated;
import gov.appeals.events.AppealRef;
import gov.appeals.events.AppealReopened;
import gov.appeals.events.AppealResponded;
import gov.appeals.events.AppealSentToTriage;
import gov.appeals.events.AppealSigned;
import gov.appeals.events.AppealStatus;
import gov.appeals.events.Deadlines;
import gov.appeals.events.Enterprise;
import gov.appeals.events.ExtensionDecided;
import gov.appeals.events.Rating;
import gov.appeals.events.Source;
import gov.appeals.events.Urgency;
import gov.appeals.reference.calendar.DeadlinePolicy;
import gov.appeals.reference.calendar.WorkingCalendar;

class AssignmentTest {

    private static final Instant NOW = Instant.parse("2026-03-02T02:00:00Z");
    private static final DeadlinePolicy POLICY = DeadlinePolicy.defaults(WorkingCalendar.bundled());
    private static final Deadlines DEADLINES = new Deadlines(NOW.plusSeconds(3600), NOW.plusSeconds(7200),
            NOW.plusSeconds(86_400));
    private static final AppealRef REF = new AppealRef("a-1", "QS-20260302-000001", Source.HOTLINE_12345, "GD1");
    private static final AppealAccepted ACCEPTED = new AppealAccepted("e-0", REF, 1, NOW, "hotline",
            new Enterprise("上海某公司", "91310114CL12TH3B1T", "吴先生", "13078106871"), "ST-ML", "续贷困难", "内容",
            "FINANCING", Urgency.NORMAL, DEADLINES, null);

    private static Assignment assigned() {
        return Assignment.route(ACCEPTED, new RoutingDecision.Assign("JD-JW", List.of("JD-CZ"),
                "category:FINANCING", 1, "why"), "e-1", NOW).after();
    }

    private static Assignment triaged() {
        return Assignment.route(ACCEPTED, new RoutingDecision.Triage("JD-JW", "no rule"), "e-1", NOW).after();
    }

    @Test
    void routingAnnouncesTheAssignmentOneVersionAfterAcceptance() {
        Transition routed = Assignment.route(ACCEPTED, new RoutingDecision.Assign("JD-JW", List.of("JD-CZ"),
                "category:FINANCING", 1, "why"), "e-1", NOW);

        AppealAssigned event = (AppealAssigned) routed.event();
        assertThat(event.version()).isEqualTo(2);
        assertThat(event.actor()).isEqualTo("system:dispatch-service");
        assertThat(event.department()).isEqualTo("JD-JW");
        assertThat(event.coHandlers()).containsExactly("JD-CZ");
        assertThat(event.deadlines()).isEqualTo(DEADLINES);
        assertThat(routed.after().status()).isEqualTo(AppealStatus.ASSIGNED);
        assertThat(routed.after().enterprisePhone()).isEqualTo("130****6871");
        assertThat(routed.after().nextDeadline()).isEqualTo(DEADLINES.signBy());
    }

    @Test
    void unroutedAppealWaitsInTheTriageUnitsQueueOnly() {
        Transition routed = Assignment.route(ACCEPTED, new RoutingDecision.Triage("JD-JW", "no rule"), "e-1", NOW);

        assertThat(routed.event()).isInstanceOf(AppealSentToTriage.class);
        assertThat(routed.after().roleOf("JD-JW")).contains(QueueRole.TRIAGE);
        assertThat(routed.after().roleOf("JD-CZ")).isEmpty();
    }

    @Test
    void leadSignsWithinDeadlineAndTheAnswerClockBecomesNext() {
        Transition signed = assigned().sign("JD-JW", "张三", "e-2", NOW).orElseThrow();

        AppealSigned event = (AppealSigned) signed.event();
        assertThat(event.version()).isEqualTo(3);
        assertThat(event.actor()).isEqualTo("staff:张三");
        assertThat(event.department()).isEqualTo("JD-JW");
        assertThat(event.withinDeadline()).isTrue();
        assertThat(signed.after().status()).isEqualTo(AppealStatus.SIGNED);
        assertThat(signed.after().nextDeadline()).isEqualTo(DEADLINES.answerBy());
    }

    @Test
    void lateSignatureIsRecordedAsOutsideTheDeadlineAndActsAsTheDepartment() {
        AppealSigned event = (AppealSigned) assigned().sign("JD-JW", null, "e-2", DEADLINES.signBy().plusSeconds(1))
                .orElseThrow().event();

        assertThat(event.withinDeadline()).isFalse();
        assertThat(event.actor()).isEqualTo("staff:JD-JW");
    }

    @Test
    void signingAgainChangesNothing() {
        Assignment signed = assigned().sign("JD-JW", null, "e-2", NOW).orElseThrow().after();

        assertThat(signed.sign("JD-JW", null, "e-3", NOW)).isEmpty();
    }

    @Test
    void theSameClerkSigningAgainChangesNothingAndAnyoneElseIsToldWhoSigned() {
        Assignment signed = assigned().sign("JD-JW", "张三", "e-2", NOW).orElseThrow().after();

        assertThat(signed.signedBy()).isEqualTo("张三");
        assertThat(signed.sign("JD-JW", " 张三 ", "e-3", NOW)).isEmpty();
        assertThatThrownBy(() -> signed.sign("JD-JW", "李四", "e-3", NOW))
                .isInstanceOf(AlreadySignedException.class).hasMessageContaining("张三")
                .extracting(e -> ((AlreadySignedException) e).currentStatus()).isEqualTo("SIGNED");
    }

    @Test
    void coHandlerCannotSign() {
        assertThatThrownBy(() -> assigned().sign("JD-CZ", null, "e-2", NOW)).isInstanceOf(NotInQueueException.class);
    }

    @Test
    void rejectsSigningAnAppealInTriage() {
        assertThatThrownBy(() -> triaged().sign("JD-JW", null, "e-2", NOW))
                .isInstanceOf(WrongStatusException.class).hasMessageContaining("TRIAGE")
                .extracting(e -> ((WrongStatusException) e).currentStatus()).isEqualTo("TRIAGE");
    }

    @Test
    void triageDecisionAssignsTheLeadWithoutDuplicatingItAsCoHandler() {
        Transition decided = triaged().decideTriage(
                new TriageDecision("JD-KW", List.of("JD-KW", "ST-ML"), "科技类", "李四"), "e-2", NOW, POLICY);

        AppealAssigned event = (AppealAssigned) decided.event();
        assertThat(event.department()).isEqualTo("JD-KW");
        assertThat(event.coHandlers()).containsExactly("ST-ML");
        assertThat(event.decidedBy()).isEqualTo("triage:李四");
        assertThat(event.version()).isEqualTo(3);
        assertThat(decided.after().roleOf("JD-KW")).contains(QueueRole.LEAD);
        assertThat(decided.after().roleOf("ST-ML")).contains(QueueRole.CO_HANDLER);
        assertThat(decided.after().roleOf("JD-JW")).isEmpty();
        assertThat(event.deadlines()).as("the clocks start at this first assignment")
                .isEqualTo(POLICY.atAcceptance(Urgency.NORMAL, NOW));
    }

    @Test
    void triageDecisionWithoutTriagerIsTheTriageUnits() {
        AppealAssigned event = (AppealAssigned) triaged().decideTriage(
                new TriageDecision("JD-KW", null, "科技类", null), "e-2", NOW, POLICY).event();

        assertThat(event.decidedBy()).isEqualTo("triage:JD-JW");
    }

    @Test
    void rejectsTriagingAnAppealAlreadyAssigned() {
        assertThatThrownBy(() -> assigned().decideTriage(new TriageDecision("JD-KW", null, "r", null), "e-2", NOW,
                POLICY))
                .isInstanceOf(WrongStatusException.class).hasMessageContaining("ASSIGNED");
    }

    @Test
    void answeredAppealLeavesTheQueueAndReopenedOneComesBackWithNewClocks() {
        Assignment signed = assigned().sign("JD-JW", null, "e-2", NOW).orElseThrow().after();
        Assignment responded = signed.follow(new AppealResponded("e-3", REF, 4, NOW, "staff:x", "JD-JW",
                null, "answer", true)).orElseThrow();
        assertThat(responded.roleOf("JD-JW")).isEmpty();

        Assignment rated = responded.follow(new AppealRated("e-4", REF, 5, NOW, "hotline", Rating.DISSATISFIED,
                false, null)).orElseThrow();
        assertThat(rated.status()).isEqualTo(AppealStatus.RESPONDED);
        assertThat(rated.version()).isEqualTo(5);

        Deadlines reopenedClocks = new Deadlines(NOW.plusSeconds(100), null, NOW.plusSeconds(900));
        Assignment reopened = rated.follow(new AppealReopened("e-5", REF, 6, NOW, "system:feedback-service", "JD-JW",
                "不满意", reopenedClocks)).orElseThrow();
        assertThat(reopened.status()).isEqualTo(AppealStatus.REOPENED);
        assertThat(reopened.roleOf("JD-JW")).contains(QueueRole.LEAD);
        assertThat(reopened.nextDeadline()).isEqualTo(reopenedClocks.signBy());
        assertThat(reopened.sign("JD-JW", null, "e-6", NOW)).isPresent();

        Assignment closed = reopened.follow(new AppealClosed("e-7", REF, 7, NOW, "system:feedback-service", "JD-JW",
                AppealClosed.ClosureReason.SATISFIED)).orElseThrow();
        assertThat(closed.status()).isEqualTo(AppealStatus.CLOSED);
    }

    @Test
    void anAppealFeedbackSendsToTriageAfterThreeDissatisfiedRatingsWaitsForTheTriageUnitsNewDecision() {
        Assignment responded = assigned().sign("JD-JW", null, "e-2", NOW).orElseThrow().after()
                .follow(new AppealResponded("e-3", REF, 4, NOW, "staff:x", "JD-JW", null, "answer", true))
                .orElseThrow();
        Deadlines fresh = new Deadlines(NOW.plusSeconds(100), null, NOW.plusSeconds(900));

        Assignment toTriage = responded.follow(new AppealSentToTriage("e-5", REF, 6, NOW, "system:feedback-service",
                "JD-JW", "rated dissatisfied 3 times", fresh, true)).orElseThrow();

        assertThat(toTriage.status()).isEqualTo(AppealStatus.TRIAGE);
        assertThat(toTriage.lead()).isNull();
        assertThat(toTriage.roleOf("JD-JW")).contains(QueueRole.TRIAGE);
        AppealAssigned decided = (AppealAssigned) toTriage.decideTriage(
                new TriageDecision("JD-KW", null, "改由科委办理", "李四"), "e-7", NOW, POLICY).event();
        assertThat(decided.version()).isEqualTo(7);
        assertThat(decided.department()).isEqualTo("JD-KW");
        assertThat(decided.deadlines()).as("the clocks the triage sending started").isEqualTo(fresh);
    }

    @Test
    void ignoresEventsNotNewerThanWhatItHolds() {
        Assignment signed = assigned().sign("JD-JW", null, "e-2", NOW).orElseThrow().after();

        assertThat(signed.follow(new AppealSigned("e-2", REF, 3, NOW, "staff:x", "JD-JW", true))).isEmpty();
        assertThat(signed.follow(new AppealClosed("e-0", REF, 2, NOW, "x", "JD-JW", null))).isEmpty();
    }

    @Test
    void masksPhonesKeepingPrefixAndLastFourDigits() {
        assertThat(PhoneMask.mask("13078106871")).isEqualTo("130****6871");
        assertThat(PhoneMask.mask("021-5999123")).isEqualTo("021****9123");
        assertThat(PhoneMask.mask("12345")).isEqualTo("*****");
        assertThat(PhoneMask.mask(null)).isNull();
    }

    @Test
    void anApprovedExtensionMovesTheDeadlinesOfTheStageItAnnotatesWithoutANewVersion() {
        Assignment signed = assigned().follow(new AppealSigned("e-2", REF, 3, NOW, "staff:li", "JD-JW", true))
                .orElseThrow();
        Deadlines extended = new Deadlines(DEADLINES.signBy(), DEADLINES.firstContactBy(),
                DEADLINES.answerBy().plusSeconds(86_400 * 5));

        Assignment after = signed.follow(new ExtensionDecided("e-3", REF, 3, NOW, "supervisor", "JD-JW",
                AppealStatus.SIGNED, "x-1", true, null, extended)).orElseThrow();

        assertThat(after.deadlines()).isEqualTo(extended);
        assertThat(after.nextDeadline()).isEqualTo(extended.answerBy());
        assertThat(after.version()).isEqualTo(3);
        assertThat(signed.follow(new ExtensionDecided("e-4", REF, 3, NOW, "supervisor", "JD-JW",
                AppealStatus.SIGNED, "x-2", false, "no", null))).isEmpty();
        assertThat(signed.follow(new ExtensionDecided("e-5", REF, 2, NOW, "supervisor", "JD-JW",
                AppealStatus.ASSIGNED, "x-3", true, null, extended))).as("a note on an earlier stage").isEmpty();
    }
}
