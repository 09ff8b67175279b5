package gov.appeals.notification.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.Test;

import gov.appeals.events.AppealAccepted;
import gov.appeals.events.AppealAssigned;
import gov.appeals.events.AppealClosed;
import gov.appeals.events.AppealDueSoon;
import gov.appeals.events.AppealEvent;
import gov.appeals.events.AppealNotified;
import gov.appeals.events.AppealOverdue;
import gov.appeals.events.AppealRated;
import gov.appeals.events.AppealRef;
import gov.appeals.events.AppealReopened;
import gov.appeals.events.AppealReturned;
import gov.appeals.events.AppealSentToTriage;
import gov.appeals.events.AppealSigned;
import gov.appeals.events.AppealStatus;
import gov.appeals.events.ClockKind;
import gov.appeals.events.ConsultationRequested;
import gov.appeals.events.Deadlines;
import gov.appeals.events.Enterprise;
import gov.appeals.events.ExtensionDecided;
import gov.appeals.events.Rating;
import gov.appeals.events.ReturnReason;
import gov.appeals.events.Source;
import gov.appeals.events.SupervisionOrderRaised;
import gov.appeals.events.Urgency;
import gov.appeals.notification.inbox.InboxItem.Kind;

class InboxItemsTest {

    static final String TRIAGE = "JD-JW";
    static final Instant NOW = Instant.parse("2026-03-02T01:30:00Z");
    static final Deadlines DEADLINES = new Deadlines(NOW.plus(1, ChronoUnit.DAYS), NOW.plus(1, ChronoUnit.DAYS),
            NOW.plus(7, ChronoUnit.DAYS));
    static final AppealRef APPEAL = new AppealRef("a-1", "QS-20260302-000001", Source.HOTLINE_12345, "GD-1");
    static final AppealFacts KNOWN = new AppealFacts("a-1", "厂区停电影响生产", "DEV_REFORM");

    static List<String> units(List<InboxItem> items) {
        return items.stream().map(item -> item.unit() + ":" + item.kind()).toList();
    }

    /** The notes this service publishes, a rating and a signing put nothing in any inbox nor teach it anything. */
    static List<AppealEvent> eventsNoInboxCaresAbout() {
        return List.of(
                new AppealNotified("e-9", APPEAL, 3, NOW, "system:notification-service", AppealStatus.ASSIGNED, "e-2",
                        "CALLBACK", "12345", "已分派", "SENT", "HTTP 200"),
                new AppealRated("e-8", APPEAL, 6, NOW, "hotline", Rating.SATISFIED, true, null),
                new AppealSigned("e-7", APPEAL, 3, NOW, "user:li", "DEV_REFORM", true));
    }

    @Test
    void leavesTheEventsNoInboxCaresAboutByTheirTypeAlone() {
        assertThat(eventsNoInboxCaresAbout()).allSatisfy(event -> {
            assertThat(InboxItems.concerns(event)).as(event.type()).isFalse();
            assertThat(InboxItems.of(event, KNOWN, TRIAGE)).as(event.type()).isEmpty();
            assertThat(InboxItems.teaches(event)).as(event.type()).isFalse();
        });
        var assigned = new AppealAssigned("e-1", APPEAL, 2, NOW, "system:dispatch-service", "DEV_REFORM",
                List.of(), "UTILITIES", "rule:category:UTILITIES", "供电", DEADLINES);
        assertThat(InboxItems.concerns(assigned)).isTrue();
    }

    @Test
    void anAssignmentTellsTheLeadItIsNewAndEachCoHandlerThatItHelps() {
        var assigned = new AppealAssigned("e-1", APPEAL, 2, NOW, "system:dispatch-service", "DEV_REFORM",
                List.of("ECONOMY", "TAX"), "UTILITIES", "rule:category:UTILITIES", "供电", DEADLINES);

        List<InboxItem> items = InboxItems.of(assigned, new AppealFacts("a-1", "厂区停电影响生产", null), TRIAGE);

        assertThat(units(items)).containsExactly("DEV_REFORM:ASSIGNED", "ECONOMY:CO_HANDLING", "TAX:CO_HANDLING");
        assertThat(items.get(0).text()).startsWith("新分派：QS-20260302-000001「厂区停电影响生产」");
        assertThat(items.get(1).text()).startsWith("协办：").contains("DEV_REFORM主办");
        assertThat(items.get(0).id()).isEqualTo("e-1|DEV_REFORM|ASSIGNED");
        assertThat(items.get(0).at()).isEqualTo(NOW);
    }

    @Test
    void theTitleComesFromTheAcceptanceRememberedBeforeAndTheLeadFromTheAssignment() {
        var accepted = new AppealAccepted("e-0", APPEAL, 1, NOW, "hotline",
                new Enterprise("某公司", "91310114MA1GT35K2X", "王经理", "13800138000"), "JDZ", "厂区停电影响生产",
                "停电", "UTILITIES", Urgency.URGENT, DEADLINES, null);
        var assigned = new AppealAssigned("e-1", APPEAL, 2, NOW, "system", "DEV_REFORM", List.of(), "UTILITIES",
                "rule", "供电", DEADLINES);

        AppealFacts known = InboxItems.remember(assigned, InboxItems.remember(accepted, AppealFacts.none("a-1")));

        assertThat(InboxItems.of(accepted, AppealFacts.none("a-1"), TRIAGE)).isEmpty();
        assertThat(known).isEqualTo(KNOWN);
        assertThat(InboxItems.teaches(accepted)).isTrue();
        assertThat(InboxItems.teaches(new AppealClosed("e-9", APPEAL, 9, NOW, "system", "DEV_REFORM", null)))
                .isFalse();
    }

    @Test
    void anAppealSentToTriageIsForTheTriageUnit() {
        var triage = new AppealSentToTriage("e-2", APPEAL, 2, NOW, "system", TRIAGE, "无规则覆盖", DEADLINES, false);

        assertThat(units(InboxItems.of(triage, KNOWN, TRIAGE))).containsExactly("JD-JW:TRIAGE");
    }

    @Test
    void aReturnTellsNoOneForTheAssignmentThatFollowsItDoes() {
        var returned = new AppealReturned("e-3", APPEAL, 3, NOW, "staff:x", "DEV_REFORM",
                ReturnReason.values()[0], "不属本单位", 1);

        assertThat(InboxItems.of(returned, KNOWN, TRIAGE)).isEmpty();
    }

    @Test
    void dueSoonIsTheLeadsAndOverdueAlsoTheSupervisors() {
        var dueSoon = new AppealDueSoon("e-4", APPEAL, 3, NOW, "system", "DEV_REFORM", AppealStatus.ASSIGNED,
                ClockKind.SIGN_FOR, NOW.plusSeconds(3600));
        var overdue = new AppealOverdue("e-5", APPEAL, 3, NOW, "system", "DEV_REFORM", AppealStatus.ASSIGNED,
                ClockKind.ANSWER, NOW);

        List<InboxItem> soon = InboxItems.of(dueSoon, KNOWN, TRIAGE);
        List<InboxItem> late = InboxItems.of(overdue, KNOWN, TRIAGE);

        assertThat(units(soon)).containsExactly("DEV_REFORM:DUE_SOON");
        assertThat(soon.get(0).text()).startsWith("临期：").contains("签收时限", "2026-03-02 10:30");
        assertThat(units(late)).containsExactly("DEV_REFORM:OVERDUE", "SUPERVISORS:OVERDUE");
        assertThat(late.get(1).text()).startsWith("超期：").contains("答复时限", "DEV_REFORM");
    }

    @Test
    void supervisionExtensionConsultationAndReopeningGoToTheDepartmentsTheyName() {
        var order = new SupervisionOrderRaised("e-6", APPEAL, 3, NOW, "system", "DEV_REFORM", AppealStatus.SIGNED,
                "o-1", SupervisionOrderRaised.Trigger.MANUAL, "请三日内答复", NOW.plus(3, ChronoUnit.DAYS), null);
        var extension = new ExtensionDecided("e-7", APPEAL, 3, NOW, "staff:sup", "DEV_REFORM", AppealStatus.SIGNED,
                "x-1", true, "同意", DEADLINES);
        var consultation = new ConsultationRequested("e-8", APPEAL, 2, NOW, "triage:t", TRIAGE,
                AppealStatus.TRIAGE, "c-1", List.of("ECONOMY", "TAX", "ECONOMY"), "是否属贵单位职责？");
        var reopened = new AppealReopened("e-9", APPEAL, 6, NOW, "hotline", "DEV_REFORM", "仍未恢复供电", DEADLINES);

        assertThat(units(InboxItems.of(order, KNOWN, TRIAGE))).containsExactly("DEV_REFORM:SUPERVISION");
        assertThat(InboxItems.of(order, KNOWN, TRIAGE).get(0).text()).startsWith("督办：").contains("请三日内答复");
        assertThat(units(InboxItems.of(extension, KNOWN, TRIAGE))).containsExactly("DEV_REFORM:EXTENSION");
        assertThat(InboxItems.of(extension, KNOWN, TRIAGE).get(0).text()).startsWith("延期已批准：");
        assertThat(units(InboxItems.of(consultation, KNOWN, TRIAGE)))
                .containsExactly("ECONOMY:CONSULTATION", "TAX:CONSULTATION");
        assertThat(units(InboxItems.of(reopened, KNOWN, TRIAGE))).containsExactly("DEV_REFORM:REOPENED");
        assertThat(InboxItems.of(reopened, KNOWN, TRIAGE).get(0).text()).startsWith("重办：").contains("仍未恢复供电");
    }

    @Test
    void anEscalatedOrderAlsoReachesTheUnitItIsEscalatedTo() {
        var order = new SupervisionOrderRaised("e-6", APPEAL, 3, NOW, "system", "DEV_REFORM", AppealStatus.SIGNED,
                "o-1", SupervisionOrderRaised.Trigger.OVERDUE, null, null, "JD-DDZB");

        assertThat(units(InboxItems.of(order, KNOWN, TRIAGE)))
                .containsExactly("DEV_REFORM:SUPERVISION", "JD-DDZB:SUPERVISION");
    }

    @Test
    void aUserReadsItsDepartmentSupervisorsTheirsAndTheTriagerTheTriageUnits() {
        assertThat(InboxUnits.of("DEV_REFORM", false, false, true, TRIAGE)).containsExactly("DEV_REFORM");
        assertThat(InboxUnits.of(null, true, false, false, TRIAGE)).containsExactly(InboxUnits.SUPERVISORS);
        assertThat(InboxUnits.of(TRIAGE, false, true, false, TRIAGE)).containsExactly(TRIAGE);
        assertThat(InboxUnits.of(null, false, false, false, TRIAGE)).isEmpty();
    }
}
