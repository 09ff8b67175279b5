package gov.appeals.notification;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;

import gov.appeals.testsupport.KafkaTestClient;
import gov.appeals.testsupport.Credentials;
import gov.appeals.testsupport.TestInfrastructure;
import gov.appeals.testsupport.TestIssuer;
import tools.jackson.databind.JsonNode;

/**
 * The service against a real Kafka broker, MongoDB (wire protocol) and an HTTP stand-in for the 12345 system. Every
 * test class that runs the service extends this, so that they all share ONE application context: two contexts in
 * the same consumer group would split the partitions of {@code appeals.events} between them, each calling back its
 * own stub.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        // Retries within a test's patience; production waits 1 s growing to 60 s, for up to a week.
        "appeals.messaging.retry-initial=50ms",
        "appeals.messaging.retry-max=200ms"})
// A cold first request on a busy 2-core CI machine can outlast the default 5 s; this is no performance limit.
@AutoConfigureWebTestClient(timeout = "30s")
abstract class RunningServiceTest {

    static final String INTAKE = "/appeals/appeal-intake";
    static final Duration PATIENCE = Duration.ofSeconds(30);

    static final HotlineStub hotline = HotlineStub.start();
    static final KafkaTestClient kafka = KafkaTestClient.forTestInfrastructure();
    static final SmsGatewayStub smsGateway = SmsGatewayStub.start();
    /** SMS quiet hours for the tests: an hour starting three hours from now (Shanghai), so "now" is never quiet. */
    static final java.time.LocalTime SMS_QUIET_START = java.time.LocalTime.now(java.time.ZoneId.of("Asia/Shanghai"))
            .plusHours(3).truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
    /** The SMTP server staff mail goes to (GreenMail on a free port). */
    static final GreenMail smtp = startSmtp();

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "notification-service");
        registry.add("appeals.hotline.callback-url", hotline::url);
        registry.add("appeals.hotline.callback-key", () -> "test-callbacks:test-callback-secret");
        TestIssuer.register(registry);
        registry.add("appeals.sms.gateway-url", smsGateway::url);
        registry.add("appeals.sms.gateway-key", () -> "test-sms-key");
        registry.add("appeals.sms.quiet-hours", () -> SMS_QUIET_START + "-" + SMS_QUIET_START.plusHours(1));
        registry.add("appeals.sms.sweep-interval", () -> "200ms");
        registry.add("appeals.sms.retry-initial", () -> "100ms");
        registry.add("appeals.sms.retry-max", () -> "300ms");
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> smtp.getSmtp().getPort());
        // Extension decisions are switched off for mail: they are recorded SUPPRESSED (MailIntegrationTest).
        registry.add("appeals.mail.topics", () -> "ASSIGNED,CO_HANDLING,DUE_SOON,OVERDUE,SUPERVISION,DIGEST");
    }

    private static GreenMail startSmtp() {
        GreenMail mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        mail.start();
        return mail;
    }

    @Autowired
    WebTestClient anonymous;

    /** Deliveries read by the supervisor, dead letters by the operator (Credentials.natural). */
    WebTestClient web;

    @BeforeEach
    void credentials() {
        web = Credentials.natural(anonymous);
    }

    /** The letters of one event {@code GET /api/v1/ops/dead-letters} lists (the topic is shared by test classes). */
    List<JsonNode> deadLettersOf(String eventId) {
        return DeadLetters.of(web, eventId);
    }

    static List<RecordingStub.Request> awaitCallbacks(String appealId, int count) {
        await().atMost(PATIENCE).until(() -> hotline.callbacksFor(appealId).size() >= count);
        return hotline.callbacksFor(appealId);
    }

    static List<RecordingStub.Request> awaitConfirmed(String appealId, int count) {
        await().atMost(PATIENCE).until(() -> hotline.confirmedFor(appealId).size() >= count);
        return hotline.confirmedFor(appealId);
    }
}
