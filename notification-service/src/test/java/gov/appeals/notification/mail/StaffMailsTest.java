package gov.appeals.notification.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import gov.appeals.events.AppealAccepted;
import gov.appeals.events.AppealAssigned;
import gov.appeals.events.AppealDueSoon;
import gov.appeals.events.AppealNotified;
import gov.appeals.events.AppealOverdue;
import gov.appeals.events.AppealRated;
import gov.appeals.events.AppealRef;
import gov.appeals.events.AppealReopened;
import gov.appeals.events.AppealResponded;
import gov.appeals.events.AppealStatus;
import gov.appeals.events.ClockKind;
import gov.appeals.events.Deadlines;
import gov.appeals.events.Enterprise;
import gov.appeals.events.ExtensionDecided;
import gov.appeals.events.Rating;
import gov.appeals.events.Source;
import gov.appeals.events.SupervisionOrderRaised;
import gov.appeals.events.Urgency;
import gov.appeals.events.AnswerResult;

class StaffMailsTest {

    static final Instant NOW = Instant.parse("2026-03-02T01:30:00Z");
    static final Instant ANSWER_BY = Instant.parse("2026-03-09T01:30:00Z");
    static final AppealRef APPEAL = new AppealRef("a-1", "QS-20260302-000123", Source.ONLINE_PORTAL, null);
    static final Deadlines DEADLINES = new Deadlines(NOW.plusSeconds(86400), NOW.plusSeconds(86400), ANSWER_BY);

    final StaffMails mails = new StaffMails(new Mailboxes(Map.of("ECONOMY", "jingwei@jiading.gov.cn"),
            "{code}@appeals.local", "supervisors@appeals.local"), ZoneId.of("Asia/Shanghai"));

    final AppealFacts facts = AppealFacts.unknown("a-1")
            .after(new AppealAccepted("e-0", APPEAL, 1, NOW, "portal",
                    new Enterprise("某精密机械有限公司", "91310114MA1GT35K2X", "王经理", "13800138000"), "JDZ",
                    "厂区停电影响生产", "停电", "UTILITIES", Urgency.NORMAL, DEADLINES, null));

    @Test
    void leavesTheNotesThisServicePublishesARatingAndAReopeningByTheirTypeAlone() {
        AppealNotified notified = new AppealNotified("e-9", APPEAL, 3, NOW, "system:notification-service",
                AppealStatus.ASSIGNED, "e-2", "SMS", "130****6871", "answered", "SENT", "SMS-1");
        AppealRated rated = new AppealRated("e-8", APPEAL, 6, NOW, "portal", Rating.DISSATISFIED, false, null);
        AppealReopened reopened = new AppealReopened("e-10", APPEAL, 7, NOW, "system:feedback-service",
                "DEV_REFORM", "仍未恢复供电", DEADLINES);

        for (var event : List.of(notified, rated, reopened)) {
            assertThat(StaffMails.concerns(event)).as(event.type()).isFalse();
            assertThat(mails.of(event, facts)).as(event.type()).isEmpty();
        }
        AppealAssigned assigned = new AppealAssigned("e-1", APPEAL, 2, NOW, "system:dispatch-service", "DEV_REFORM",
                List.of(), "UTILITIES", "rule:category:UTILITIES", null, DEADLINES);
        assertThat(StaffMails.concerns(assigned)).isTrue();
    }

    @Test
    void tellsTheLeadOfANewAssignmentWithNumberTitleDeadlineAndCoHandlers() {
        AppealAssigned assigned = new AppealAssigned("e-1", APPEAL, 2, NOW, "system:dispatch-service", "DEV_REFORM",
                List.of("ECONOMY"), "UTILITIES", "rule:category:UTILITIES", "供电问题由区发改委主办", DEADLINES);

        List<Mail> sent = mails.of(assigned, facts);

        assertThat(sent).extracting(Mail::kind, Mail::to).containsExactly(
                org.assertj.core.groups.Tuple.tuple(MailKind.ASSIGNED, "dev_reform@appeals.local"),
                org.assertj.core.groups.Tuple.tuple(MailKind.CO_HANDLING, "jingwei@jiading.gov.cn"));
        Mail lead = sent.get(0);
        assertThat(lead.subject()).isEqualTo("新分派诉求 QS-20260302-000123 厂区停电影响生产");
        assertThat(lead.body()).contains("诉求编号：QS-20260302-000123", "标题：厂区停电影响生产",
                "反馈期限：2026-03-09 09:30", "协办单位：ECONOMY");
        Mail coHandler = sent.get(1);
        assertThat(coHandler.subject()).startsWith("协办 QS-20260302-000123");
        assertThat(coHandler.body()).contains("主办单位：DEV_REFORM", "反馈期限：2026-03-09 09:30");
    }

    @Test
    void remindsOnlyTheLeadWhenAClockIsDueSoon() {
        AppealDueSoon dueSoon = new AppealDueSoon("e-2", APPEAL, 3, NOW, "system:sla", "DEV_REFORM",
                AppealStatus.SIGNED, ClockKind.ANSWER, ANSWER_BY);

        List<Mail> sent = mails.of(dueSoon, facts);

        assertThat(sent).singleElement().satisfies(m -> {
            assertThat(m.kind()).isEqualTo(MailKind.DUE_SOON);
            assertThat(m.to()).isEqualTo("dev_reform@appeals.local");
            assertThat(m.subject()).isEqualTo("临期提醒 QS-20260302-000123 反馈即将到期");
            assertThat(m.body()).contains("期限：2026-03-09 09:30", "厂区停电影响生产");
        });
    }

    @Test
    void tellsTheLeadAndTheSupervisorsOfAnOverdueClock() {
        AppealOverdue overdue = new AppealOverdue("e-3", APPEAL, 3, ANSWER_BY, "system:sla", "DEV_REFORM",
                AppealStatus.SIGNED, ClockKind.SIGN_FOR, NOW);

        List<Mail> sent = mails.of(overdue, facts);

        assertThat(sent).extracting(Mail::to)
                .containsExactly("dev_reform@appeals.local", "supervisors@appeals.local");
        assertThat(sent).allSatisfy(m -> {
            assertThat(m.kind()).isEqualTo(MailKind.OVERDUE);
            assertThat(m.subject()).isEqualTo("超期 QS-20260302-000123 签收已超期");
            assertThat(m.body()).contains("主办单位：DEV_REFORM", "期限：2026-03-02 09:30");
        });
    }

    @Test
    void sendsASupervisionOrderToItsDepartmentTheEscalationUnitAndTheSupervisors() {
        SupervisionOrderRaised order = new SupervisionOrderRaised("e-4", APPEAL, 3, NOW, "staff:zhang", "DEV_REFORM",
                AppealStatus.SIGNED, "SO-1", SupervisionOrderRaised.Trigger.MANUAL, "请三日内办结", ANSWER_BY,
                "DISPATCH_TASKFORCE");

        List<Mail> sent = mails.of(order, facts);

        assertThat(sent).extracting(Mail::to).containsExactly("dev_reform@appeals.local",
                "dispatch_taskforce@appeals.local", "supervisors@appeals.local");
        assertThat(sent.get(0).subject()).isEqualTo("督办单 QS-20260302-000123 厂区停电影响生产");
        assertThat(sent.get(0).body()).contains("督办单 SO-1", "人工督办", "督办意见：请三日内办结",
                "办结期限：2026-03-09 09:30");
    }

    @Test
    void tellsTheAskingDepartmentWhetherItsExtensionWasApprovedAndTheNewDeadline() {
        Deadlines later = new Deadlines(null, null, Instant.parse("2026-03-16T01:30:00Z"));
        ExtensionDecided approved = new ExtensionDecided("e-5", APPEAL, 3, NOW, "staff:li", "ECONOMY",
                AppealStatus.SIGNED, "X-1", true, "同意延期一周", later);
        ExtensionDecided refused = new ExtensionDecided("e-6", APPEAL, 3, NOW, "staff:li", "ECONOMY",
                AppealStatus.SIGNED, "X-2", false, "理由不充分", null);

        Mail yes = mails.of(approved, facts).get(0);
        Mail no = mails.of(refused, facts).get(0);

        assertThat(yes.to()).isEqualTo("jingwei@jiading.gov.cn");
        assertThat(yes.subject()).isEqualTo("延期申请已批准 QS-20260302-000123");
        assertThat(yes.body()).contains("新的反馈期限：2026-03-16 09:30", "审批意见：同意延期一周");
        assertThat(no.subject()).isEqualTo("延期申请未批准 QS-20260302-000123");
        assertThat(no.body()).contains("反馈期限不变：2026-03-09 09:30", "理由不充分");
    }

    @Test
    void sendsNothingForAnEventStaffNeedNoMailAbout() {
        AppealResponded responded = new AppealResponded("e-7", APPEAL, 4, NOW, "staff:wang", "DEV_REFORM",
                AnswerResult.RESOLVED, "已恢复供电", true);

        assertThat(mails.of(responded, facts)).isEmpty();
    }

    @Test
    void listsADepartmentsOverdueAppealsInItsDigestOldestFirstWithHowLongOverdue() {
        Instant at = Instant.parse("2026-03-10T00:30:00Z");
        List<OverdueAppeal> overdue = List.of(
                new OverdueAppeal("a-1", "QS-1", "厂区停电影响生产", "DEV_REFORM", ClockKind.ANSWER, ANSWER_BY),
                new OverdueAppeal("a-2", "QS-2", "道路施工", "DEV_REFORM", ClockKind.SIGN_FOR,
                        Instant.parse("2026-03-07T00:30:00Z")));

        Mail digest = mails.digest("DEV_REFORM", LocalDate.of(2026, 3, 10), overdue, at);

        assertThat(digest.kind()).isEqualTo(MailKind.DIGEST);
        assertThat(digest.to()).isEqualTo("dev_reform@appeals.local");
        assertThat(digest.subject()).isEqualTo("每日超期汇总 2026-03-10 DEV_REFORM（2 件）");
        assertThat(digest.body()).contains("QS-2  道路施工\n    签收期限 2026-03-07 08:30，已超期 3 天 0 小时",
                "QS-1  厂区停电影响生产\n    反馈期限 2026-03-09 09:30，已超期 23 小时");
        assertThat(digest.body().indexOf("QS-2")).isLessThan(digest.body().indexOf("QS-1"));
    }
}
