package gov.appeals.notification.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import gov.appeals.notification.preference.QuietHours;

class QuietHoursTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final QuietHours NIGHT = QuietHours.parse("22:00-08:00", SHANGHAI);

    private static Instant at(String localTime) {
        return LocalDateTime.parse(localTime).atZone(SHANGHAI).toInstant();
    }

    @Test
    void sendsAt2159AndWaitsFrom2200UntilEightTheNextMorning() {
        assertThat(NIGHT.deferUntil(at("2026-03-02T21:59"), false)).isEmpty();
        assertThat(NIGHT.deferUntil(at("2026-03-02T22:00"), false)).contains(at("2026-03-03T08:00"));
        assertThat(NIGHT.deferUntil(at("2026-03-02T23:59"), false)).contains(at("2026-03-03T08:00"));
    }

    @Test
    void waitsAt0759AndSendsFromEight() {
        assertThat(NIGHT.deferUntil(at("2026-03-03T00:00"), false)).contains(at("2026-03-03T08:00"));
        assertThat(NIGHT.deferUntil(at("2026-03-03T07:59"), false)).contains(at("2026-03-03T08:00"));
        assertThat(NIGHT.deferUntil(at("2026-03-03T08:00"), false)).isEmpty();
        assertThat(NIGHT.deferUntil(at("2026-03-03T12:00"), false)).isEmpty();
    }

    @Test
    void sendsAnUrgentAppealsMessagesEvenAtNight() {
        assertThat(NIGHT.deferUntil(at("2026-03-02T23:30"), true)).isEmpty();
        assertThat(NIGHT.deferUntil(at("2026-03-03T03:00"), true)).isEmpty();
    }

    @Test
    void judgesTheHourInShanghaiWhateverTheServersZone() {
        // 14:30 UTC is 22:30 in Shanghai.
        assertThat(NIGHT.isQuiet(Instant.parse("2026-03-02T14:30:00Z"))).isTrue();
        assertThat(NIGHT.isQuiet(Instant.parse("2026-03-02T13:30:00Z"))).isFalse();
    }

    @Test
    void knowsAQuietPeriodWithinOneDay() {
        QuietHours lunch = QuietHours.parse("12:00-13:30", SHANGHAI);
        assertThat(lunch.deferUntil(at("2026-03-02T11:59"), false)).isEmpty();
        assertThat(lunch.deferUntil(at("2026-03-02T12:00"), false)).contains(at("2026-03-02T13:30"));
        assertThat(lunch.deferUntil(at("2026-03-02T13:30"), false)).isEmpty();
    }

    @Test
    void anEmptyValueMeansNoQuietHours() {
        QuietHours none = QuietHours.parse("", SHANGHAI);
        assertThat(none.enabled()).isFalse();
        assertThat(none.deferUntil(at("2026-03-02T23:00"), false)).isEmpty();
        assertThat(QuietHours.parse(null, SHANGHAI).enabled()).isFalse();
    }

    @Test
    void refusesAValueThatIsNotAPeriod() {
        for (String bad : new String[] {"22:00", "22-08", "22:00-22:00", "25:00-08:00", "22:00-08:00-09:00"}) {
            assertThatThrownBy(() -> QuietHours.parse(bad, SHANGHAI)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("SMS_QUIET_HOURS");
        }
    }
}
