package gov.appeals.notification.preference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import gov.appeals.notification.preference.Preference.Channel;

class PreferencesTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final List<String> SMS_TOPICS = List.of("accepted", "answered", "rating-invitation");
    private static final List<String> KINDS = List.of("ASSIGNED", "OVERDUE", "EXTENSION");
    private static final String CREDIT_CODE = "91310114MA1GT35K2X";

    private static Instant at(String localTime) {
        return LocalDateTime.parse("2026-03-09T" + localTime).atZone(SHANGHAI).toInstant();
    }

    private static Preferences preferences(boolean smsOn, Set<String> smsTopics, Set<String> kinds) {
        return new Preferences(
                new Preferences.Defaults(smsOn, smsTopics, SMS_TOPICS, QuietHours.parse("22:00-08:00", SHANGHAI),
                        "SMS switched off (appeals.sms.enabled)", "topic {topic} switched off (appeals.sms.topics)",
                        true),
                new Preferences.Defaults(true, kinds, KINDS, QuietHours.none(), "mail disabled",
                        "topic {topic} switched off", false),
                SHANGHAI);
    }

    private static final Preferences SERVICE = preferences(true, Set.copyOf(SMS_TOPICS), Set.of("ASSIGNED", "OVERDUE"));

    private static Preference sms(boolean enabled, Set<String> topics, String quietHours) {
        return new Preference(Channel.SMS, CREDIT_CODE, enabled, topics, quietHours, at("10:00"), "hotline");
    }

    @Test
    void aRecipientWithoutAPreferenceGetsWhatTheServiceSends() {
        assertThat(SERVICE.decide(Channel.SMS, null, "accepted", false, at("10:00")))
                .isEqualTo(new Preferences.SendNow());
        assertThat(SERVICE.decide(Channel.SMS, null, "accepted", false, at("23:00")))
                .isEqualTo(new Preferences.Defer(at("08:00").plus(java.time.Duration.ofDays(1))));
        assertThat(SERVICE.decide(Channel.EMAIL, null, "EXTENSION", false, at("23:00")))
                .isEqualTo(new Preferences.Suppress("topic EXTENSION switched off"));
        assertThat(SERVICE.decide(Channel.EMAIL, null, "OVERDUE", false, at("23:00")))
                .as("e-mail has no quiet hours").isEqualTo(new Preferences.SendNow());
        assertThat(preferences(false, Set.copyOf(SMS_TOPICS), Set.of()).decide(Channel.SMS, null, "accepted", true,
                at("10:00"))).isEqualTo(new Preferences.Suppress("SMS switched off (appeals.sms.enabled)"));
    }

    @Test
    void aRecipientSwitchesAChannelOrATopicOff() {
        assertThat(SERVICE.decide(Channel.SMS, sms(false, Set.of(), null), "accepted", true, at("10:00")))
                .as("urgent passes quiet hours, never a switch")
                .isEqualTo(new Preferences.Suppress("preference of " + CREDIT_CODE + ": SMS off"));
        Preference department = new Preference(Channel.EMAIL, "JD-SWJ", true, Set.of("ASSIGNED"), null, null, null);
        assertThat(SERVICE.decide(Channel.EMAIL, department, "OVERDUE", false, at("10:00")))
                .isEqualTo(new Preferences.Suppress("preference of JD-SWJ: OVERDUE off"));
        assertThat(SERVICE.decide(Channel.EMAIL, department, "ASSIGNED", false, at("10:00")))
                .isEqualTo(new Preferences.SendNow());
        assertThat(SERVICE.decide(Channel.SMS, sms(true, Set.of(), null), "answered", false, at("10:00")))
                .as("no topics: all of them").isEqualTo(new Preferences.SendNow());
    }

    @Test
    void theServiceStaysTheCeiling() {
        Preferences narrow = preferences(true, Set.of("accepted"), Set.of("ASSIGNED"));
        assertThat(narrow.decide(Channel.SMS, sms(true, Set.of("answered"), null), "answered", false, at("10:00")))
                .isEqualTo(new Preferences.Suppress("topic answered switched off (appeals.sms.topics)"));
    }

    @Test
    void aRecipientsQuietHoursReplaceTheServicesAndUrgentPassesThem() {
        Preference lunch = sms(true, Set.of(), "12:00-13:30");
        assertThat(SERVICE.decide(Channel.SMS, lunch, "accepted", false, at("23:00")))
                .isEqualTo(new Preferences.SendNow());
        assertThat(SERVICE.decide(Channel.SMS, lunch, "accepted", false, at("12:30")))
                .isEqualTo(new Preferences.Defer(at("13:30")));
        assertThat(SERVICE.decide(Channel.SMS, lunch, "accepted", true, at("12:30")))
                .isEqualTo(new Preferences.SendNow());
        assertThat(SERVICE.decide(Channel.SMS, sms(true, Set.of(), ""), "accepted", false, at("23:00")))
                .as("none").isEqualTo(new Preferences.SendNow());
        assertThat(SERVICE.quietHours(Channel.SMS, sms(true, Set.of(), null)).spec()).isEqualTo("22:00-08:00");
    }

    @Test
    void theFallbackIsTheServicesConfiguration() {
        Preference fallback = SERVICE.fallback(Channel.EMAIL, "SUPERVISORS");
        assertThat(fallback.enabled()).isTrue();
        assertThat(fallback.topics()).containsExactlyInAnyOrder("ASSIGNED", "OVERDUE");
        assertThat(fallback.quietHours()).isNull();
        assertThat(SERVICE.fallback(Channel.SMS, CREDIT_CODE).quietHours()).isEqualTo("22:00-08:00");
    }

    @Test
    void validatesWhatARequestSets() {
        Preference set = SERVICE.validated(Channel.SMS, CREDIT_CODE, false, List.of("accepted"), " 21:00-07:00 ",
                at("10:00"), "supervisor");
        assertThat(set.quietHours()).isEqualTo("21:00-07:00");
        assertThat(set.topics()).containsExactly("accepted");
        assertThatThrownBy(() -> SERVICE.validated(Channel.SMS, CREDIT_CODE, null, null, null, at("10:00"), "s"))
                .isInstanceOfSatisfying(Preferences.InvalidPreference.class,
                        e -> assertThat(e.field()).isEqualTo("enabled"));
        assertThatThrownBy(() -> SERVICE.validated(Channel.EMAIL, "JD-SWJ", true, List.of("accepted"), null,
                at("10:00"), "s")).isInstanceOfSatisfying(Preferences.InvalidPreference.class,
                        e -> assertThat(e.field()).isEqualTo("topics"));
        assertThatThrownBy(() -> SERVICE.validated(Channel.EMAIL, "JD-SWJ", true, List.of(), "22:00-08:00",
                at("10:00"), "s")).isInstanceOfSatisfying(Preferences.InvalidPreference.class,
                        e -> assertThat(e.field()).isEqualTo("quietHours"));
        assertThatThrownBy(() -> SERVICE.validated(Channel.SMS, CREDIT_CODE, true, List.of(), "25:00-08:00",
                at("10:00"), "s")).isInstanceOfSatisfying(Preferences.InvalidPreference.class,
                        e -> assertThat(e.field()).isEqualTo("quietHours"));
        assertThat(Preferences.isCreditCode(CREDIT_CODE)).isTrue();
        assertThat(Preferences.isCreditCode("91310114MA1GT35K2")).isFalse();
    }
}
