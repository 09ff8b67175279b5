package gov.appeals.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import gov.appeals.events.AnswerResult;
import gov.appeals.events.AppealAccepted;
import gov.appeals.events.AppealRef;
import gov.appeals.events.AppealResponded;
import gov.appeals.events.Deadlines;
import gov.appeals.events.Enterprise;
import gov.appeals.events.EventEnvelope;
import gov.appeals.events.Source;
import gov.appeals.events.Urgency;
import gov.appeals.notification.sms.messaging.SmsNotifier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Text messages to the enterprise's contact, against the running service and a stand-in SMS gateway. */
@ExtendWith(OutputCaptureExtension.class)
class SmsIntegrationTest extends RunningServiceTest {

    private static final String PHONE = "13078106871";
    private static final String MASKED = "130****6871";
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Deadlines DEADLINES = new Deadlines(Events.NOW.plus(1, ChronoUnit.DAYS),
            Events.NOW.plus(1, ChronoUnit.DAYS), Instant.parse("2026-03-09T01:30:00Z"));
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    SmsNotifier notifier;

    @AfterEach
    void gatewayIsBack() {
        smsGateway.unavailableFor(0);
    }

    static AppealAccepted accepted(AppealRef appeal, Urgency urgency) {
        return new AppealAccepted(UUID.randomUUID().toString(), appeal, 1, Events.NOW, "hotline",
                new Enterprise("上海嘉定某精密机械有限公司", "91310114MA1GT35K2X", "王经理", PHONE), "JDZ",
                "厂区停电影响生产", "园区线路检修后一直未恢复供电，生产线停工。", "UTILITIES", urgency, DEADLINES, null);
    }

    static AppealRef appeal() {
        return Events.appeal(Source.HOTLINE_12345);
    }

    @Test
    void textsTheContactTheAppealNumberAndAnswerDeadlineWhenAccepted(CapturedOutput output) {
        AppealAccepted accepted = accepted(appeal(), Urgency.NORMAL);

        kafka.publish(accepted, INTAKE);

        RecordingStub.Request sms = awaitTaken(accepted.appeal().number(), 1).get(0);
        assertThat(sms.text("phone")).isEqualTo(PHONE);
        assertThat(sms.text("text")).contains("编号" + accepted.appeal().number())
                .contains("2026-03-09 09:30前答复");
        assertThat(sms.text("signature")).isEqualTo("【嘉定区企业服务】");
        assertThat(sms.text("messageId")).matches("[0-9a-f]{64}");
        assertThat(sms.header("Idempotency-Key")).isEqualTo(sms.text("messageId"));
        assertThat(sms.header("Authorization")).isEqualTo("Bearer test-sms-key");

        JsonNode notice = awaitNotice(accepted.appealId(), "accepted", "SENT");
        assertThat(notice.path("recipient").asString()).isEqualTo(MASKED);
        assertThat(notice.path("eventId").asString()).isEqualTo(accepted.eventId());
        assertThat(notice.path("outcome").asString()).contains("SMS-");
        assertThat(output.getAll()).as("logs").doesNotContain(PHONE).contains(MASKED);
    }

    @Test
    void textsTheResultAndARatingInvitationWhenAnswered() {
        AppealRef appeal = appeal();
        AppealAccepted accepted = accepted(appeal, Urgency.NORMAL);
        AppealResponded responded = new AppealResponded(UUID.randomUUID().toString(), appeal, 4,
                Events.NOW.plusSeconds(7200), "clerk", "DEV_REFORM", AnswerResult.RESOLVED, "已恢复供电", true);

        kafka.publish(accepted, INTAKE);
        kafka.publish(responded, "/appeals/feedback-service");

        List<RecordingStub.Request> sms = awaitTaken(appeal.number(), 3);
        assertThat(sms).extracting(r -> r.text("phone")).containsOnly(PHONE);
        assertThat(sms.get(1).text("text")).contains(appeal.number()).contains("办理结果：已解决");
        assertThat(sms.get(2).text("text")).contains(appeal.number()).contains("回复1满意");
        awaitNotice(appeal.appealId(), "answered", "SENT");
        awaitNotice(appeal.appealId(), "rating-invitation", "SENT");
    }

    @Test
    void textsOnceForAnEventPublishedTwice() {
        AppealAccepted accepted = accepted(appeal(), Urgency.NORMAL);
        kafka.publish(accepted, INTAKE);
        kafka.publish(accepted, INTAKE);
        // Same key, same partition: once the barrier's SMS went out, both copies before it were consumed.
        AppealAccepted barrier = accepted(appeal(), Urgency.NORMAL);
        EventEnvelope barrierEnvelope = EventEnvelope.of(barrier, INTAKE);
        kafka.publish(new EventEnvelope(accepted.appealId(), barrierEnvelope.topic(), barrierEnvelope.headers(),
                barrierEnvelope.payload()));

        awaitTaken(barrier.appeal().number(), 1);

        assertThat(smsGateway.requestsAbout(accepted.appeal().number())).hasSize(1);
        assertThat(notices(accepted.appealId())).hasSize(1);
    }

    @Test
    void textsOnceAfterTheGatewayWasDown() {
        AppealAccepted accepted = accepted(appeal(), Urgency.NORMAL);
        smsGateway.unavailableFor(2);

        kafka.publish(accepted, INTAKE);

        awaitTaken(accepted.appeal().number(), 1);
        JsonNode notice = awaitNotice(accepted.appealId(), "accepted", "SENT");
        List<RecordingStub.Request> requests = smsGateway.requestsAbout(accepted.appeal().number());
        assertThat(requests).extracting(RecordingStub.Request::status).containsExactly(503, 503, 200);
        assertThat(requests).extracting(r -> r.text("messageId")).as("one message id for every attempt")
                .containsOnly(requests.get(0).text("messageId"));
        assertThat(notice.path("attempts").asInt()).isEqualTo(2);
        // Nothing more goes out for it.
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                .until(() -> smsGateway.requestsAbout(accepted.appeal().number()).size() == 3);
    }

    @Test
    void waitsForTheEndOfQuietHoursUnlessTheAppealIsUrgent() {
        Instant quiet = nextQuietMoment();
        AppealAccepted normal = accepted(appeal(), Urgency.NORMAL);
        AppealAccepted urgent = accepted(appeal(), Urgency.URGENT);

        assertThat(notifier.handle(normal, quiet)).isTrue();
        assertThat(notifier.handle(urgent, quiet)).isTrue();

        awaitTaken(urgent.appeal().number(), 1);
        JsonNode deferred = awaitNotice(normal.appealId(), "accepted", "DEFERRED");
        assertThat(Instant.parse(deferred.path("notBefore").asString())).isEqualTo(quiet.plus(Duration.ofMinutes(30)));
        assertThat(deferred.path("recipient").asString()).isEqualTo(MASKED);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                .until(() -> smsGateway.requestsAbout(normal.appeal().number()).isEmpty());
    }

    @Test
    void sendsADeferredMessageOnceItsQuietHoursAreOver() {
        Instant quietTwoDaysAgo = nextQuietMoment().minus(Duration.ofDays(2));
        AppealAccepted accepted = accepted(appeal(), Urgency.NORMAL);

        notifier.handle(accepted, quietTwoDaysAgo);

        awaitTaken(accepted.appeal().number(), 1);
        JsonNode notice = awaitNotice(accepted.appealId(), "accepted", "SENT");
        assertThat(Instant.parse(notice.path("notBefore").asString()))
                .isEqualTo(quietTwoDaysAgo.plus(Duration.ofMinutes(30)));
        assertThat(notice.path("attempts").asInt()).isEqualTo(1);
        assertThat(smsGateway.requestsAbout(accepted.appeal().number())).hasSize(1);
        assertThat(notifier.handle(accepted, Instant.now())).as("the event again").isFalse();
    }

    /** Half an hour into the tests' quiet period, the next time it comes. */
    private static Instant nextQuietMoment() {
        ZonedDateTime now = ZonedDateTime.now(SHANGHAI);
        ZonedDateTime candidate = now.toLocalDate().atTime(SMS_QUIET_START.plusMinutes(30)).atZone(SHANGHAI);
        return (candidate.isAfter(now) ? candidate : candidate.plusDays(1)).toInstant();
    }

    private static List<RecordingStub.Request> awaitTaken(String number, int count) {
        await().atMost(PATIENCE).until(() -> smsGateway.takenAbout(number).size() >= count);
        return smsGateway.takenAbout(number);
    }

    private List<JsonNode> notices(String appealId) {
        String body = web.get().uri("/api/v1/appeals/{id}/notifications", appealId)
                .exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        List<JsonNode> sms = new java.util.ArrayList<>();
        JSON.readTree(body).forEach(n -> {
            if ("SMS".equals(n.path("channel").asString())) {
                sms.add(n);
            }
        });
        return sms;
    }

    private JsonNode awaitNotice(String appealId, String topic, String state) {
        return await().atMost(PATIENCE).until(() -> notices(appealId).stream()
                .filter(n -> topic.equals(n.path("topic").asString()) && state.equals(n.path("state").asString()))
                .findFirst().orElse(null), n -> n != null);
    }
}
