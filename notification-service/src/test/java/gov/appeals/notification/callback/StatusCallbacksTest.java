package gov.appeals.notification.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import gov.appeals.events.AnswerResult;
import gov.appeals.events.AppealAccepted;
import gov.appeals.events.AppealAssigned;
import gov.appeals.events.AppealClosed;
import gov.appeals.events.AppealDueSoon;
import gov.appeals.events.AppealOverdue;
import gov.appeals.events.AppealRated;
import gov.appeals.events.AppealRef;
import gov.appeals.events.AppealReopened;
import gov.appeals.events.AppealResponded;
import gov.appeals.events.AppealSentToTriage;
import gov.appeals.events.AppealSigned;
import gov.appeals.events.AppealStatus;
import gov.appeals.events.ClockKind;
import gov.appeals.events.Deadlines;
import gov.appeals.events.Enterprise;
import gov.appeals.events.ExtensionDecided;
import gov.appeals.events.Rating;
import gov.appeals.events.Source;
import gov.appeals.events.SupervisionOrderRaised.Trigger;
import gov.appeals.events.SupervisionOrderRaised;
import gov.appeals.events.Urgency;

class StatusCallbacksTest {

    private static final Instant AT = Instant.parse("2026-03-02T01:30:00Z");
    private static final AppealRef HOTLINE = new AppealRef("a-1", "QS-20260302-000001", Source.HOTLINE_12345, "GD-77");
    private static final Deadlines DEADLINES = new Deadlines(AT.plusSeconds(3600), null, AT.plusSeconds(86_400));

    @Test
    void callsBackOnlyAppealsThatCameInThroughTheHotline() {
        assertThat(StatusCallbacks.concernsHotline(accepted(HOTLINE))).isTrue();
        for (Source other : List.of(Source.ONLINE_PORTAL, Source.SERVICE_COMMISSIONER, Source.STREET_CENTRE)) {
            assertThat(StatusCallbacks.concernsHotline(accepted(new AppealRef("a-2", "QS-2", other, null))))
                    .as(other.name()).isFalse();
        }
    }

    @Test
    void tellsTheWorkOrderItsAcceptanceWithTheDeadlines() {
        StatusCallback callback = StatusCallbacks.of(accepted(HOTLINE));

        assertThat(callback.eventId()).isEqualTo("e-accepted");
        assertThat(callback.type()).isEqualTo(AppealAccepted.TYPE);
        assertThat(callback.appealId()).isEqualTo("a-1");
        assertThat(callback.number()).isEqualTo("QS-20260302-000001");
        assertThat(callback.externalId()).isEqualTo("GD-77");
        assertThat(callback.status()).isEqualTo(AppealStatus.ACCEPTED);
        assertThat(callback.stage()).isEqualTo("已受理");
        assertThat(callback.occurredAt()).isEqualTo(AT);
        assertThat(callback.version()).isEqualTo(1);
        assertThat(callback.actor()).isEqualTo("hotline");
        assertThat(callback.department()).isNull();
        assertThat(callback.detail()).containsExactly(entry("deadlines", DEADLINES));
    }

    @Test
    void tellsTheWorkOrderWhichAppealARepeatRepeats() {
        AppealAccepted a = accepted(HOTLINE);
        AppealAccepted repeat = new AppealAccepted(a.eventId(), a.appeal(), 1, AT, "hotline", a.enterprise(), a.street(),
                a.title(), a.content(), a.category(), a.urgency(), DEADLINES, null, null, "a-0");

        assertThat(StatusCallbacks.of(repeat).detail())
                .containsExactly(entry("deadlines", DEADLINES), entry("repeatOf", "a-0"));
    }

    @Test
    void namesTheLeadCoHandlersAndClocksOfAnAssignment() {
        StatusCallback callback = StatusCallbacks.of(new AppealAssigned("e", HOTLINE, 2, AT, "system:dispatch-service",
                "DEV_REFORM", List.of("ECONOMY", "JDZ"), "UTILITIES", "rule:category:UTILITIES", "供电", DEADLINES));

        assertThat(callback.stage()).isEqualTo("已分派");
        assertThat(callback.department()).isEqualTo("DEV_REFORM");
        assertThat(callback.detail()).containsExactly(entry("leadDepartment", "DEV_REFORM"),
                entry("coHandlers", List.of("ECONOMY", "JDZ")), entry("deadlines", DEADLINES));
    }

    @Test
    void givesEveryStageItsChineseLabel() {
        assertThat(StatusCallbacks.of(new AppealSentToTriage("e", HOTLINE, 2, AT, "system:dispatch-service",
                "ECONOMY", "无匹配规则", DEADLINES, false)).stage()).isEqualTo("待甄别");
        assertThat(StatusCallbacks.of(new AppealSigned("e", HOTLINE, 3, AT, "staff:li", "DEV_REFORM", true)).stage())
                .isEqualTo("已签收");
        assertThat(StatusCallbacks.of(responded()).stage()).isEqualTo("已反馈");
        assertThat(StatusCallbacks.of(rated()).stage()).isEqualTo("已评价");
        assertThat(StatusCallbacks.of(reopened()).stage()).isEqualTo("重办");
        assertThat(StatusCallbacks.of(closed()).stage()).isEqualTo("已办结");
    }

    @Test
    void carriesTheAnswerOfAResponse() {
        assertThat(StatusCallbacks.of(responded()).detail())
                .containsExactly(entry("result", AnswerResult.PARTIALLY_RESOLVED), entry("text", "已协调供电公司抢修"));
    }

    @Test
    void carriesTheRatingButKeepsTheStatusOfARating() {
        StatusCallback callback = StatusCallbacks.of(rated());

        assertThat(callback.status()).isEqualTo(AppealStatus.RESPONDED);
        assertThat(callback.detail()).containsExactly(entry("rating", Rating.SATISFIED), entry("resolved", true));
    }

    @Test
    void explainsAReopeningWithItsNewClocksAndAClosureWithItsReason() {
        assertThat(StatusCallbacks.of(reopened()).detail())
                .containsExactly(entry("reason", "企业不满意"), entry("deadlines", DEADLINES));
        assertThat(StatusCallbacks.of(closed()).detail())
                .containsExactly(entry("reason", AppealClosed.ClosureReason.NO_RATING_IN_TIME));
    }

    @Test
    void tellsTheWorkOrderOfClocksDueSoonOrOverdueAndOfAnApprovedExtensionButNotOfInternalSupervision() {
        AppealOverdue overdue = new AppealOverdue("e", HOTLINE, 2, AT, "system:feedback-service", "DEV_REFORM",
                AppealStatus.ASSIGNED, ClockKind.ANSWER, DEADLINES.answerBy());
        StatusCallback callback = StatusCallbacks.of(overdue);
        assertThat(StatusCallbacks.concernsHotline(overdue)).isTrue();
        assertThat(callback.stage()).isEqualTo("超期");
        assertThat(callback.status()).isEqualTo(AppealStatus.ASSIGNED);
        assertThat(callback.detail()).containsEntry("clock", ClockKind.ANSWER)
                .containsEntry("deadline", DEADLINES.answerBy());
        assertThat(StatusCallbacks.of(new AppealDueSoon("e", HOTLINE, 2, AT, "system:feedback-service", "DEV_REFORM",
                AppealStatus.ASSIGNED, ClockKind.SIGN_FOR, DEADLINES.signBy())).stage()).isEqualTo("临期");

        ExtensionDecided approved = new ExtensionDecided("e", HOTLINE, 3, AT, "supervisor:s", "DEV_REFORM",
                AppealStatus.SIGNED, "x", true, null, DEADLINES);
        assertThat(StatusCallbacks.concernsHotline(approved)).isTrue();
        assertThat(StatusCallbacks.of(approved).stage()).isEqualTo("延期");
        assertThat(StatusCallbacks.of(approved).actor()).as("staff never named to 12345").isNull();
        assertThat(StatusCallbacks.concernsHotline(new ExtensionDecided("e", HOTLINE, 3, AT, "supervisor:s",
                "DEV_REFORM", AppealStatus.SIGNED, "x", false, "no", null))).isFalse();
        assertThat(StatusCallbacks.concernsHotline(new SupervisionOrderRaised("e", HOTLINE, 2, AT,
                "system:feedback-service", "DEV_REFORM", AppealStatus.ASSIGNED, "o", Trigger.OVERDUE, "超期", AT,
                null))).isFalse();
    }

    private static AppealAccepted accepted(AppealRef appeal) {
        return new AppealAccepted("e-accepted", appeal, 1, AT, "hotline",
                new Enterprise("某公司", "91310114MA1GT35K2X", "王", "13800138000"), "JDZ", "停电", "厂区停电",
                "UTILITIES", Urgency.URGENT, DEADLINES, null);
    }

    private static AppealResponded responded() {
        return new AppealResponded("e", HOTLINE, 4, AT, "staff:li", "DEV_REFORM", AnswerResult.PARTIALLY_RESOLVED,
                "已协调供电公司抢修", true);
    }

    private static AppealRated rated() {
        return new AppealRated("e", HOTLINE, 5, AT, "hotline", Rating.SATISFIED, true, null);
    }

    private static AppealReopened reopened() {
        return new AppealReopened("e", HOTLINE, 6, AT, "system:feedback-service", "DEV_REFORM", "企业不满意", DEADLINES);
    }

    private static AppealClosed closed() {
        return new AppealClosed("e", HOTLINE, 6, AT, "system:feedback-service", "DEV_REFORM",
                AppealClosed.ClosureReason.NO_RATING_IN_TIME);
    }
}
