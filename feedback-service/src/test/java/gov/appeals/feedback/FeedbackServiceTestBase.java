package gov.appeals.feedback;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import gov.appeals.events.AnswerResult;
import gov.appeals.events.AppealAssigned;
import gov.appeals.events.AppealRef;
import gov.appeals.events.AppealResponded;
import gov.appeals.events.AppealSigned;
import gov.appeals.events.AppealStatus;
import gov.appeals.events.Deadlines;
import gov.appeals.events.Source;
import gov.appeals.feedback.casefile.web.CaseView;
import gov.appeals.kit.messaging.DeadLetters;
import gov.appeals.kit.web.Paging;
import gov.appeals.testsupport.KafkaTestClient;
import gov.appeals.testsupport.Credentials;
import gov.appeals.testsupport.TestInfrastructure;
import gov.appeals.testsupport.TestIssuer;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one application context every integration test shares (same configuration, so Spring reuses it): the
 * service against a real Kafka broker and a MongoDB wire-protocol server.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"appeals.outbox.sweep-interval=1s",
                // The sweep takes over only what the relay has clearly not sent (the sweep test's entry is a minute
                // old), so that an event published once is seen once.
                "appeals.outbox.stale-after=30s",
                // The sweep test stores an entry as a crash would leave it: the store scan that finds such entries
                // after a restart runs every second here.
                "appeals.outbox.full-scan-interval=1s",
                // A rebuild of the closure metrics waits this long for changes under way; the tests wait for theirs.
                "appeals.metrics.rebuild-settle=1s"})
// A cold first request on a busy 2-core CI machine can outlast the default 5 s; this is no performance limit.
@AutoConfigureWebTestClient(timeout = "30s")
abstract class FeedbackServiceTestBase {

    static final String LEAD = "SHJD-FIN";
    static final String PRODUCER = "/appeals/test";
    static final KafkaTestClient KAFKA = KafkaTestClient.forTestInfrastructure();

    @Autowired
    WebTestClient anonymous;

    /** Answers by a clerk of the lead department, the rest by the user whose job it is (Credentials.natural). */
    WebTestClient http;

    @BeforeEach
    void credentials() {
        http = Credentials.natural(anonymous, path -> path.endsWith("/answer") ? "clerk-" + LEAD : null);
    }

    @Autowired
    JsonMapper json;

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "feedback-service");
        TestIssuer.register(registry);
    }

    static AppealRef newAppeal() {
        String id = "it-" + UUID.randomUUID();
        return new AppealRef(id, "QS-20260428-" + id.substring(3, 9), Source.HOTLINE_12345, "W-" + id);
    }

    static String eventId() {
        return UUID.randomUUID().toString();
    }

    static Deadlines generousClocks() {
        Instant now = Instant.now();
        return new Deadlines(now.plus(Duration.ofDays(1)), now.plus(Duration.ofDays(1)), now.plus(Duration.ofDays(7)));
    }

    void publishAssigned(AppealRef appeal) {
        KAFKA.publish(new AppealAssigned(eventId(), appeal, 2, Instant.now(), "system:dispatch-service", LEAD,
                List.of("SHJD-STAT"), "FINANCING", "rule:category:FINANCING", "financing appeals go to finance",
                generousClocks()), PRODUCER);
    }

    void publishSigned(AppealRef appeal) {
        KAFKA.publish(new AppealSigned(eventId(), appeal, 3, Instant.now(), "staff:li", LEAD, true), PRODUCER);
    }

    void publishResponded(AppealRef appeal) {
        KAFKA.publish(new AppealResponded(eventId(), appeal, 4, Instant.now(), "staff:li", LEAD,
                AnswerResult.RESOLVED, "The loan was approved", true), PRODUCER);
    }

    CaseView awaitCase(String appealId, AppealStatus status) {
        CaseView[] found = new CaseView[1];
        await().atMost(Duration.ofSeconds(45)).pollInterval(Duration.ofMillis(200)).until(() -> {
            EntityExchangeResult<byte[]> response = http.get().uri("/api/v1/appeals/{id}/case", appealId).exchange()
                    .expectBody().returnResult();
            if (response.getStatus().value() != 200) {
                return false;
            }
            found[0] = json.readValue(response.getResponseBody(), CaseView.class);
            return found[0].status() == status;
        });
        return found[0];
    }

    /** This service's dead letters of one appeal, oldest first, as {@code GET /api/v1/ops/dead-letters} lists them. */
    List<DeadLetters.Letter> deadLettersOf(String appealId) {
        byte[] body = http.get().uri("/api/v1/ops/dead-letters?size=100").exchange()
                .expectStatus().isOk().expectBody().returnResult().getResponseBody();
        Paging.Page<DeadLetters.Letter> page = json.readValue(body, new TypeReference<>() {
        });
        return page.items().stream().filter(letter -> appealId.equals(letter.key())).toList();
    }
}
