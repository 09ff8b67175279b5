package gov.appeals.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import gov.appeals.events.AppealAccepted;
import gov.appeals.events.AppealAssigned;
import gov.appeals.events.AppealOverdue;
import gov.appeals.events.AppealRef;
import gov.appeals.events.AppealStatus;
import gov.appeals.events.ClockKind;
import gov.appeals.events.Deadlines;
import gov.appeals.events.Enterprise;
import gov.appeals.events.HotspotFormed;
import gov.appeals.events.Source;
import gov.appeals.events.SupervisionOrderRaised;
import gov.appeals.events.Topics;
import gov.appeals.events.Urgency;
import gov.appeals.feedback.casefile.SupervisionRules;
import gov.appeals.feedback.casefile.messaging.ClockWatch;
import gov.appeals.feedback.casefile.store.CaseChanges;
import gov.appeals.feedback.casefile.store.CaseStore;
import gov.appeals.feedback.casefile.web.CaseView;
import gov.appeals.testsupport.Credentials;
import gov.appeals.testsupport.KafkaTestClient.Received;
import tools.jackson.databind.JsonNode;

class SupervisionIntegrationTest extends FeedbackServiceTestBase {

    @Autowired
    CaseStore cases;

    @Autowired
    CaseChanges changes;

    @Autowired
    SupervisionRules rules;

    private WebTestClient as(String user) {
        return Credentials.as(anonymous, user);
    }

    private static Predicate<Received> of(AppealRef appeal, Class<?> type) {
        return r -> appeal.appealId().equals(r.key()) && type.isInstance(r.event());
    }

    private void publishAccepted(AppealRef appeal, String category, String street, Instant at) {
        KAFKA.publish(new AppealAccepted(eventId(), appeal, 1, at, "hotline",
                new Enterprise("上海某公司", "91310114CL12TH3B1T", "王", "13800138000"), street, "标题", "内容",
                category, Urgency.NORMAL, generousClocks(), null), PRODUCER);
    }

    private void publishAssigned(AppealRef appeal, Deadlines clocks) {
        KAFKA.publish(new AppealAssigned(eventId(), appeal, 2, Instant.now(), "system:dispatch-service", LEAD,
                List.of(), "FINANCING", "rule:category:FINANCING", "financing appeals go to finance", clocks),
                PRODUCER);
    }

    private ClockWatch anotherInstance() {
        return new ClockWatch(cases, changes, rules, Clock.systemUTC(), 200, Duration.ofSeconds(30));
    }

    @Test
    void twoInstancesFiringAtOnceAnnounceEachOverdueClockOnceAndARestartedOneNothingMore() {
        AppealRef appeal = newAppeal();
        Instant now = Instant.now();
        publishAccepted(appeal, "FINANCING", "ST-ML", now.minus(Duration.ofHours(3)));
        publishAssigned(appeal, new Deadlines(now.minus(Duration.ofHours(2)), null, now.minus(Duration.ofHours(1))));
        awaitCase(appeal.appealId(), AppealStatus.ASSIGNED);

        // Two instances besides the service's own scheduled one, all three deciding on the same case.
        ClockWatch first = anotherInstance();
        ClockWatch second = anotherInstance();
        CompletableFuture.allOf(CompletableFuture.runAsync(first::round), CompletableFuture.runAsync(second::round))
                .join();

        List<Received> overdue = KAFKA.readAll(Duration.ofSeconds(5), of(appeal, AppealOverdue.class), Topics.EVENTS);
        assertThat(overdue).extracting(r -> ((AppealOverdue) r.event()).clock())
                .containsExactlyInAnyOrder(ClockKind.SIGN_FOR, ClockKind.ANSWER);
        assertThat(KAFKA.readAll(Duration.ofSeconds(1), of(appeal, SupervisionOrderRaised.class), Topics.EVENTS))
                .hasSize(1);

        anotherInstance().round();
        assertThat(KAFKA.readAll(Duration.ofSeconds(3), of(appeal, AppealOverdue.class), Topics.EVENTS)).hasSize(2);
        CaseView view = awaitCase(appeal.appealId(), AppealStatus.ASSIGNED);
        assertThat(view.supervision().firedAlarms()).hasSize(4);
        assertThat(view.supervision().orders()).singleElement()
                .satisfies(order -> assertThat(order.department()).isEqualTo(LEAD));
    }

    @Test
    void aSupervisorsOrderIsListedForTheHeadOfItsDepartmentAndClosedOnceTheAppealIsAnswered() {
        AppealRef appeal = newAppeal();
        publishAccepted(appeal, "FINANCING", "ST-ML", Instant.now());
        publishAssigned(appeal, generousClocks());
        publishSigned(appeal);
        awaitCase(appeal.appealId(), AppealStatus.SIGNED);

        JsonNode order = json.readTree(as("supervisor").post().uri("/api/v1/supervision/orders")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("appealId", appeal.appealId(), "comment", "请三日内答复企业"))
                .exchange().expectStatus().isCreated().expectBody().returnResult().getResponseBody());
        String orderId = order.get("id").asString();
        assertThat(order.get("department").asString()).isEqualTo(LEAD);
        assertThat(order.get("trigger").asString()).isEqualTo("MANUAL");
        assertThat(order.get("open").asBoolean()).isTrue();

        as("supervisor").post().uri("/api/v1/supervision/orders").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("appealId", appeal.appealId(), "comment", "again"))
                .exchange().expectStatus().isEqualTo(409);
        as("head-" + LEAD).get().uri("/api/v1/supervision/orders?status=OPEN&size=100").exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.items[?(@.id == '" + orderId + "')]").exists();
        as("head-SHJD-STAT").get().uri("/api/v1/supervision/orders?department=" + LEAD).exchange()
                .expectStatus().isForbidden();
        as("clerk-" + LEAD).get().uri("/api/v1/supervision/orders").exchange().expectStatus().isForbidden();

        as("supervisor").post().uri("/api/v1/supervision/orders/{id}/close", orderId)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("comment", "已答复"))
                .exchange().expectStatus().isEqualTo(409)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);

        http.post().uri("/api/v1/appeals/{id}/answer", appeal.appealId()).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("result", "RESOLVED", "text", "已联系企业并解决")).exchange().expectStatus().isOk();
        as("supervisor").post().uri("/api/v1/supervision/orders/{id}/close", orderId)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("comment", "已答复"))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.open").isEqualTo(false);
        as("supervisor").get().uri("/api/v1/supervision/orders?department=" + LEAD + "&status=CLOSED&size=100")
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.items[?(@.id == '" + orderId + "')].closeComment").isEqualTo("已答复");
    }

    @Test
    void theLeadsHeadAsksForAnExtensionAndASupervisorsApprovalMovesTheAnswerDeadline() {
        AppealRef appeal = newAppeal();
        publishAccepted(appeal, "FINANCING", "ST-ML", Instant.now());
        publishAssigned(appeal, generousClocks());
        publishSigned(appeal);
        awaitCase(appeal.appealId(), AppealStatus.SIGNED);
        String until = LocalDate.now(gov.appeals.reference.calendar.WorkingCalendar.ZONE).plusDays(12).toString();
        Map<String, String> body = Map.of("until", until, "reason", "需要多部门现场核查");

        as("clerk-" + LEAD).post().uri("/api/v1/appeals/{id}/extensions", appeal.appealId())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange().expectStatus().isForbidden();
        as("head-SHJD-STAT").post().uri("/api/v1/appeals/{id}/extensions", appeal.appealId())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange().expectStatus().isNotFound();
        as("head-" + LEAD).post().uri("/api/v1/appeals/{id}/extensions", appeal.appealId())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("until", "2026-13-01", "reason", "x"))
                .exchange().expectStatus().isBadRequest();
        JsonNode extension = json.readTree(as("head-" + LEAD).post()
                .uri("/api/v1/appeals/{id}/extensions", appeal.appealId())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange().expectStatus().isCreated().expectBody().returnResult().getResponseBody());
        assertThat(extension.get("state").asString()).isEqualTo("PENDING");

        as("head-" + LEAD).post().uri("/api/v1/appeals/{id}/extensions/{e}/decision", appeal.appealId(),
                        extension.get("extensionId").asString())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("approved", true))
                .exchange().expectStatus().isForbidden();
        as("supervisor").post().uri("/api/v1/appeals/{id}/extensions/{e}/decision", appeal.appealId(),
                        extension.get("extensionId").asString())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("approved", true, "comment", "同意"))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.state").isEqualTo("APPROVED");

        CaseView view = awaitCase(appeal.appealId(), AppealStatus.SIGNED);
        assertThat(view.deadlines().answerBy().atZone(gov.appeals.reference.calendar.WorkingCalendar.ZONE)
                .toLocalDate()).hasToString(until);
    }

    @Test
    void theFifthAppealOfOneCategoryInOneStreetWithinAWeekFormsAHotspotSupervisorsSee() {
        String street = "ST-IT-" + UUID.randomUUID().toString().substring(0, 8);
        Instant start = Instant.now().minus(Duration.ofDays(3));
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            AppealRef appeal = newAppeal();
            ids.add(appeal.appealId());
            publishAccepted(appeal, "FINANCING", street, start.plus(Duration.ofHours(6L * i)));
        }

        // The appeals are on different partitions: whichever is followed last completes the hotspot and carries it.
        Predicate<Received> formedHere = r -> r.event() instanceof HotspotFormed && ids.contains(r.key());
        HotspotFormed formed = (HotspotFormed) KAFKA.awaitFirst(Duration.ofSeconds(45), formedHere, Topics.EVENTS)
                .orElseThrow(() -> new AssertionError("no HotspotFormed")).event();
        assertThat(formed.street()).isEqualTo(street);
        assertThat(formed.appealIds()).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(KAFKA.readAll(Duration.ofSeconds(2), formedHere, Topics.EVENTS)).hasSize(1);

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> as("supervisor").get()
                .uri("/api/v1/metrics/hotspots?size=100").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.items[?(@.street == '" + street + "')].size").isEqualTo(5));
        as("head-" + LEAD).get().uri("/api/v1/metrics/hotspots").exchange().expectStatus().isForbidden();
    }
}
