package gov.appeals.notification.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import gov.appeals.events.AnswerResult;
import gov.appeals.events.AppealAccepted;
import gov.appeals.events.AppealNotified;
import gov.appeals.events.AppealRated;
import gov.appeals.events.AppealRef;
import gov.appeals.events.AppealResponded;
import gov.appeals.events.AppealStatus;
import gov.appeals.events.Deadlines;
import gov.appeals.events.Enterprise;
import gov.appeals.events.Rating;
import gov.appeals.events.Source;
import gov.appeals.events.Urgency;

class SmsMessagesTest {

    private static final Map<String, String> TEMPLATES = Map.of(
            "accepted", "您的诉求已受理，编号{number}，承办单位将于{answerBy}前答复。",
            "answered", "您的诉求{number}已由{department}答复，办理结果：{result}。",
            "rating-invitation", "请对诉求{number}的办理情况进行评价：回复1满意，2基本满意，3不满意。");
    private static final AppealRef APPEAL = new AppealRef("a-1", "QS-20260302-000123", Source.HOTLINE_12345, "GD1");
    private static final Instant NOW = Instant.parse("2026-03-02T01:30:00Z");

    private final SmsMessages messages = new SmsMessages(new SmsTemplates(TEMPLATES),
            code -> code.equals("DEV_REFORM") ? "区发展改革委" : code);

    private static AppealAccepted accepted(String phone) {
        return new AppealAccepted("e-1", APPEAL, 1, NOW, "hotline",
                new Enterprise("上海嘉定某精密机械有限公司", "91310114MA1GT35K2X", "王经理", phone), "JDZ", "停电",
                "停电", "UTILITIES", Urgency.NORMAL,
                new Deadlines(NOW, NOW, Instant.parse("2026-03-09T01:30:00Z")), null);
    }

    private static AppealResponded responded(AnswerResult result) {
        return new AppealResponded("e-4", APPEAL, 4, NOW, "clerk", "DEV_REFORM", result, "已恢复供电", true);
    }

    @Test
    void theAcceptanceTellsTheNumberAndTheAnswerDeadlineInBeijingTime() {
        AppealAccepted accepted = accepted("13078106871");
        SmsContact contact = SmsMessages.contactOf(accepted);

        List<SmsMessage> sent = messages.of(accepted, contact);

        assertThat(sent).containsExactly(new SmsMessage("accepted",
                "您的诉求已受理，编号QS-20260302-000123，承办单位将于2026-03-09 09:30前答复。"));
    }

    @Test
    void theAnswerTellsTheResultAndInvitesARating() {
        SmsContact contact = new SmsContact("a-1", "13078106871", "QS-20260302-000123", Urgency.NORMAL);

        List<SmsMessage> sent = messages.of(responded(AnswerResult.PARTIALLY_RESOLVED), contact);

        assertThat(sent).extracting(SmsMessage::topic).containsExactly("answered", "rating-invitation");
        assertThat(sent.get(0).text()).isEqualTo("您的诉求QS-20260302-000123已由区发展改革委答复，办理结果：部分解决。");
        assertThat(sent.get(1).text()).contains("QS-20260302-000123").contains("1满意").contains("3不满意");
    }

    @Test
    void namesEveryResultInChinese() {
        assertThat(SmsTemplates.result(AnswerResult.RESOLVED)).isEqualTo("已解决");
        assertThat(SmsTemplates.result(AnswerResult.PARTIALLY_RESOLVED)).isEqualTo("部分解决");
        assertThat(SmsTemplates.result(AnswerResult.EXPLAINED)).isEqualTo("已解释说明");
    }

    @Test
    void otherEventsTextNobody() {
        SmsContact contact = new SmsContact("a-1", "13078106871", "QS-20260302-000123", Urgency.NORMAL);
        AppealRated rated = new AppealRated("e-5", APPEAL, 5, NOW, "hotline", Rating.SATISFIED, true, null);

        AppealNotified notified = new AppealNotified("e-6", APPEAL, 5, NOW, "system:notification-service",
                AppealStatus.RESPONDED, "e-5", "CALLBACK", "12345", "已评价", "SENT", "HTTP 200");

        assertThat(SmsMessages.concernsContact(rated)).isFalse();
        assertThat(messages.of(rated, contact)).isEmpty();
        assertThat(SmsMessages.concernsContact(notified)).as("the notes this service publishes").isFalse();
    }

    @Test
    void anAcceptanceWithoutAPhoneNamesNoContact() {
        assertThat(SmsMessages.contactOf(accepted(null))).isNull();
        assertThat(SmsMessages.contactOf(accepted(" "))).isNull();
    }

    @Test
    void masksThePhoneNumberAsStaffSeeIt() {
        SmsContact contact = SmsMessages.contactOf(accepted("13078106871"));
        assertThat(contact.maskedPhone()).isEqualTo("130****6871");
        assertThat(contact.toString()).doesNotContain("13078106871");
        assertThat(SmsContact.mask("021-12345678")).isEqualTo("021*****5678");
    }

    @Test
    void preferencesSuppressTheTopicsSwitchedOff() {
        SmsPreferences onlyAccepted = SmsPreferences.of(true, List.of("accepted"));
        assertThat(onlyAccepted.suppression("accepted")).isNull();
        assertThat(onlyAccepted.suppression("rating-invitation")).contains("switched off");
        assertThat(SmsPreferences.of(false, null).suppression("accepted")).contains("appeals.sms.enabled");
        assertThat(SmsPreferences.of(true, null).suppression("answered")).isNull();
        assertThatThrownBy(() -> SmsPreferences.of(true, List.of("acepted")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesToStartWithoutEveryTemplate() {
        assertThatThrownBy(() -> new SmsTemplates(Map.of("accepted", "x", "answered", "y")))
                .hasMessageContaining("rating-invitation");
    }
}
