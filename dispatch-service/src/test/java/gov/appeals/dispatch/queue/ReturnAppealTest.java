package gov.appeals.dispatch.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import gov.appeals.dispatch.routing.RoutingDecision;
import gov.appeals.dispatch.routing.RoutingRules;
import gov.appeals.events.AppealAccepted;
import gov.appeals.events.AppealAssigned;
import gov.appeals.events.AppealRef;
import gov.appeals.events.AppealReturned;
import gov.appeals.events.AppealSentToTriage;
import gov.appeals.events.AppealStatus;
import gov.appeals.events.Deadlines;
import gov.appeals.events.Enterprise;
import gov.appeals.events.ReturnReason;
import gov.appeals.events.Source;
import gov.appeals.events.Urgency;
import gov.appeals.reference.ReferenceData;

class ReturnAppealTest {

    private static final Instant NOW = Instant.parse("2026-03-02T02:00:00Z");
    private static final Deadlines DEADLINES = new Deadlines(NOW.plusSeconds(3600), NOW.plusSeconds(7200),
            NOW.plusSeconds(86_400));
    private static final RoutingRules RULES = RoutingRules.from(ReferenceData.bundled());
    private static final String TRIAGE = "JD-JW";

    private final AtomicInteger ids = new AtomicInteger();
    private final Supplier<String> eventIds = () -> "e-" + ids.incrementAndGet();

    private static Assignment routed(String category, String street, String lead) {
        AppealAccepted accepted = new AppealAccepted("e-0", new AppealRef("a-1", "QS-20260302-000001",
                Source.HOTLINE_12345, "GD1"), 1, NOW, "hotline", new Enterprise("上海某公司", "91310114CL12TH3B1T",
                "吴先生", "13078106871"), street, "标题", "内容", category, Urgency.NORMAL, DEADLINES, null);
        return Assignment.route(accepted, new RoutingDecision.Assign(lead, List.of(), "category:" + category, 1,
                "rule"), "e-1", NOW).after();
    }

    private Transition returnBy(Assignment appeal, String unit, ReturnReason reason) {
        return ReturnAppeal.decide(appeal, new ReturnAppeal.Request(unit, reason, "不属本单位", "clerk-" + unit),
                RULES, TRIAGE, code -> code.startsWith("ST-"), eventIds, NOW);
    }

    @Test
    void aReturnIsAnnouncedThenTheAppealIsRoutedAgainWithTheSameClocks() {
        Assignment appeal = routed("TAX", "ST-ML", "JD-SWJ");

        Transition returned = returnBy(appeal, "JD-SWJ", ReturnReason.NOT_OUR_REMIT);

        assertThat(returned.events()).hasSize(2);
        AppealReturned first = (AppealReturned) returned.events().get(0);
        assertThat(first.version()).isEqualTo(3);
        assertThat(first.status()).isEqualTo(AppealStatus.RETURNED);
        assertThat(first.returns()).isEqualTo(1);
        assertThat(first.actor()).isEqualTo("staff:clerk-JD-SWJ");
        // TAX has one rule, led by the department that returned it: no one else is left but triage.
        AppealSentToTriage next = (AppealSentToTriage) returned.events().get(1);
        assertThat(next.version()).isEqualTo(4);
        assertThat(next.deadlines()).isEqualTo(DEADLINES);
        assertThat(returned.after().status()).isEqualTo(AppealStatus.TRIAGE);
        assertThat(returned.after().trail().returnedBy("JD-SWJ")).isTrue();
        assertThat(returned.after().signedBy()).isNull();
    }

    @Test
    void theSecondReturnSendsTheAppealToTriageWhateverTheRulesSay() {
        Assignment appeal = routed("REGISTRATION", "ST-ML", "JD-SCJG").withTrail(Trail.EMPTY.withReturn(
                new Trail.Returned("JD-SWJ", ReturnReason.NOT_OUR_REMIT, "不属本单位", "clerk", NOW)));

        Transition returned = returnBy(appeal, "JD-SCJG", ReturnReason.NOT_OUR_REMIT);

        AppealReturned first = (AppealReturned) returned.events().get(0);
        assertThat(first.returns()).isEqualTo(2);
        AppealSentToTriage triage = (AppealSentToTriage) returned.event();
        assertThat(triage.department()).isEqualTo(TRIAGE);
        assertThat(triage.reason()).contains("returned 2 times");
    }

    @Test
    void aDepartmentCannotReturnTheSameAppealTwice() {
        Assignment appeal = routed("REGISTRATION", "ST-ML", "JD-SCJG").withTrail(Trail.EMPTY.withReturn(
                new Trail.Returned("JD-SCJG", ReturnReason.NOT_OUR_REMIT, "不属本单位", "clerk", NOW)));

        assertThatThrownBy(() -> returnBy(appeal, "JD-SCJG", ReturnReason.OTHER))
                .isInstanceOf(ActionRefusedException.class).hasMessageContaining("once already");
    }

    @Test
    void aTriageDecisionIsFinalForTheDepartment() {
        Assignment appeal = routed("TAX", "ST-ML", "JD-SWJ");
        Assignment triaged = appeal.with(AppealStatus.ASSIGNED, "JD-KW", List.of(), TRIAGE, DEADLINES, 5,
                "triage:triager", "科技类");

        assertThatThrownBy(() -> returnBy(triaged, "JD-KW", ReturnReason.NOT_OUR_REMIT))
                .isInstanceOf(ActionRefusedException.class).hasMessageContaining("ask a supervisor");
    }

    @Test
    void onlyTheLeadReturnsAndOnlyBeforeItAnswers() {
        Assignment appeal = routed("FINANCING", "ST-ML", "JD-JW");

        assertThatThrownBy(() -> returnBy(appeal, "JD-CZ", ReturnReason.OTHER))
                .isInstanceOf(NotInQueueException.class);
        Assignment reopened = appeal.withStatus(AppealStatus.REOPENED, DEADLINES, 6);
        assertThatThrownBy(() -> returnBy(reopened, "JD-JW", ReturnReason.OTHER))
                .isInstanceOf(WrongStatusException.class);
        Assignment answered = appeal.withStatus(AppealStatus.RESPONDED, DEADLINES, 6);
        assertThatThrownBy(() -> returnBy(answered, "JD-JW", ReturnReason.OTHER))
                .isInstanceOf(NotInQueueException.class);
    }

    @Test
    void aStreetEscalatesAndADuplicateGoesToTriageAtTheFirstReturn() {
        Transition escalated = returnBy(routed("NEIGHBORHOOD", "ST-ML", "ST-ML"), "ST-ML",
                ReturnReason.BEYOND_STREET_CAPACITY);
        assertThat(((AppealSentToTriage) escalated.event()).reason()).contains("escalates it to the district");

        Transition duplicate = returnBy(routed("FINANCING", "ST-ML", "JD-JW"), "JD-JW", ReturnReason.DUPLICATE);
        assertThat(((AppealSentToTriage) duplicate.event()).reason()).contains("duplicate");
    }

    @Test
    void aTransferKeepsTheCoHandlersAndTheClocksAndRecordsBothSides() {
        Assignment signed = routed("ENFORCEMENT", "ST-ML", "JD-SCJG")
                .with(AppealStatus.SIGNED, "JD-SCJG", List.of("JD-SFJ", "JD-GA"), null, DEADLINES, 3,
                        "rule:category:ENFORCEMENT", "rule");

        Transition moved = TransferAppeal.decide(signed, new TransferAppeal.Request("JD-SCJG", "JD-GA", "涉嫌诈骗",
                "clerk-JD-SCJG"), "e-9", NOW);

        AppealAssigned event = (AppealAssigned) moved.event();
        assertThat(event.department()).isEqualTo("JD-GA");
        assertThat(event.transferredFrom()).isEqualTo("JD-SCJG");
        assertThat(event.coHandlers()).containsExactly("JD-SFJ");
        assertThat(event.deadlines()).isEqualTo(DEADLINES);
        assertThat(event.version()).isEqualTo(4);
        assertThat(moved.after().status()).isEqualTo(AppealStatus.ASSIGNED);
        assertThat(moved.after().trail().transfers()).hasSize(1);
        assertThatThrownBy(() -> TransferAppeal.decide(routed("TAX", "ST-ML", "JD-SWJ"),
                new TransferAppeal.Request("JD-SWJ", "JD-GA", "未签收", "c"), "e-10", NOW))
                .isInstanceOf(WrongStatusException.class);
    }
}
