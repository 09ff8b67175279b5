package gov.appeals.intake.appeal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import gov.appeals.events.AppealAssigned;
import gov.appeals.events.AppealRef;
import gov.appeals.events.AppealReturned;
import gov.appeals.events.AppealStatus;
import gov.appeals.events.CoHandlerInputPosted;
import gov.appeals.events.ConsultationAnswered;
import gov.appeals.events.ConsultationRequested;
import gov.appeals.events.ReturnReason;
import gov.appeals.events.Source;

class StagesTest {

    private static final AppealRef REF = new AppealRef("a-1", "QS-20260302-000001", Source.HOTLINE_12345, "GD1");
    private static final Instant NOW = Instant.parse("2026-03-02T02:00:00Z");

    @Test
    void aReturnNamesWhoReturnedTheAppealAndWhyAndTheEnterpriseSeesIt() {
        Stage stage = Stages.of(new AppealReturned("e-1", REF, 3, NOW, "staff:clerk-JD-SWJ", "JD-SWJ",
                ReturnReason.NOT_OUR_REMIT, "出口退税属海关职责", 1), "JD-JW");

        assertThat(stage.status()).isEqualTo(AppealStatus.RETURNED);
        assertThat(stage.note()).contains("returned (退单) by JD-SWJ", "NOT_OUR_REMIT", "出口退税属海关职责");
        assertThat(stage.internal()).isFalse();
    }

    @Test
    void aTransferNamesBothDepartmentsAndARoutedAssignmentItsRuleVersion() {
        Stage transfer = Stages.of(new AppealAssigned("e-2", REF, 4, NOW, "staff:head-JD-SCJG", "JD-GA", List.of(),
                "ENFORCEMENT", "transfer:head-JD-SCJG", "Transferred by JD-SCJG: 涉嫌诈骗", null, null, "JD-SCJG"),
                "JD-JW");
        Stage routed = Stages.of(new AppealAssigned("e-3", REF, 2, NOW, "system:dispatch-service", "JD-SWJ",
                List.of(), "TAX", "rule:category:TAX", "税务", null, 3, null), "JD-JW");

        assertThat(transfer.note()).startsWith("transferred (转办) from JD-SCJG to JD-GA");
        assertThat(transfer.lead()).isEqualTo("JD-GA");
        assertThat(routed.note()).contains("by rule:category:TAX (rules v3)");
    }

    @Test
    void coHandlersInputAndConsultationsAreTheDistrictsOwnBusiness() {
        List<Stage> notes = List.of(
                Stages.of(new CoHandlerInputPosted("e-4", REF, 2, NOW, "staff:wang", "JD-CZ", AppealStatus.ASSIGNED,
                        "i-1", "可申请贴息", List.of("doc:1")), "JD-JW"),
                Stages.of(new ConsultationRequested("e-5", REF, 2, NOW, "triage:triager", "JD-JW",
                        AppealStatus.TRIAGE, "c-1", List.of("JD-SCJG"), "是否属贵单位？"), "JD-JW"),
                Stages.of(new ConsultationAnswered("e-6", REF, 2, NOW, "staff:li", "JD-SCJG", AppealStatus.TRIAGE,
                        "c-1", false, "不属我局"), "JD-JW"));

        assertThat(notes).allSatisfy(stage -> assertThat(stage.internal()).isTrue());
        assertThat(notes).extracting(Stage::note).containsExactly(
                "co-handler JD-CZ posted its input (协办意见) i-1 with 1 attachment(s): 可申请贴息",
                "JD-JW asked JD-SCJG whether the appeal is theirs (征询): 是否属贵单位？",
                "JD-SCJG answered the consultation: it is not ours: 不属我局");
    }
}
