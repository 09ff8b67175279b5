package gov.appeals.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import gov.appeals.dispatch.queue.store.AssignmentDocument;
import gov.appeals.dispatch.queue.store.AssignmentStore;
import gov.appeals.events.AppealAccepted;
import gov.appeals.events.AppealAssigned;
import gov.appeals.events.AppealEvent;
import gov.appeals.events.AppealRated;
import gov.appeals.events.AppealRef;
import gov.appeals.events.AppealReopened;
import gov.appeals.events.AppealResponded;
import gov.appeals.events.AppealSentToTriage;
import gov.appeals.events.AppealSigned;
import gov.appeals.events.AnswerResult;
import gov.appeals.events.CloudEventHeaders;
import gov.appeals.events.Deadlines;
import gov.appeals.events.Enterprise;
import gov.appeals.events.EventEnvelope;
import gov.appeals.events.Rating;
import gov.appeals.events.Source;
import gov.appeals.events.Topics;
import gov.appeals.events.Urgency;
import gov.appeals.testsupport.KafkaTestClient;
import gov.appeals.testsupport.KafkaTestClient.Received;
import gov.appeals.testsupport.TestInfrastructure;
import tools.jackson.databind.json.JsonMapper;

/** The service against a real Kafka broker and MongoDB wire protocol: one context for every scenario. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "dispatch.kafka.back-off-initial=100",
        "dispatch.outbox.sweep-interval=1s"})
// A cold first request on a busy 2-core CI machine can outlast the default 5 s; this is no performance limit.
@AutoConfigureWebTestClient(timeout = "30s")
class DispatchServiceTest {

    private static final Duration WAIT = Duration.ofSeconds(45);
    private static final String INTAKE = "/appeals/appeal-intake";
    private static final String FEEDBACK = "/appeals/feedback-service";

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "dispatch-service");
    }

    @Autowired
    WebTestClient http;

    @Autowired
    AssignmentStore store;

    @Autowired
    JsonMapper json;

    private final KafkaTestClient kafka = KafkaTestClient.forTestInfrastructure();

    // --- Kafka in and out -----------------------------------------------------------------------------------------

    @Test
    void routesAnAcceptedAppealOnceEvenWhenItIsDeliveredTwice() {
        AppealAccepted accepted = accepted("FINANCING", "ST-ML");
        kafka.publish(accepted, INTAKE);
        kafka.publish(accepted, INTAKE);

        List<Received> routed = await().atMost(WAIT).until(
                () -> kafka.readAll(Duration.ofSeconds(1), r -> accepted.appealId().equals(r.key()), Topics.ASSIGNED),
                records -> records.size() >= 2);
        assertThat(routed).extracting(r -> r.event().eventId()).containsOnly(routed.get(0).event().eventId());
        AppealAssigned assigned = (AppealAssigned) routed.get(0).event();
        assertThat(assigned.version()).isEqualTo(2);
        assertThat(assigned.actor()).isEqualTo("system:dispatch-service");
        assertThat(assigned.department()).isEqualTo("JD-JW");
        assertThat(assigned.coHandlers()).containsExactly("JD-CZ", "JD-SWW");
        assertThat(assigned.decidedBy()).isEqualTo("rule:category:FINANCING");
        assertThat(assigned.deadlines()).isEqualTo(accepted.deadlines());

        Map<String, Object> item = queueItem("JD-JW", accepted.appealId());
        assertThat(item).containsEntry("status", "ASSIGNED").containsEntry("role", "LEAD")
                .containsEntry("number", accepted.appeal().number()).containsEntry("leadDepartment", "JD-JW")
                .containsEntry("decidedBy", "rule:category:FINANCING").containsEntry("urgency", "NORMAL")
                .containsEntry("nextDeadline", accepted.deadlines().signBy().toString());
        assertThat(item.get("enterprise")).isEqualTo(Map.of("name", "上海嘉定测试有限公司", "phone", "130****6871"));
        assertThat(item.get("deadlines")).isEqualTo(Map.of(
                "signBy", accepted.deadlines().signBy().toString(),
                "firstContactBy", accepted.deadlines().firstContactBy().toString(),
                "answerBy", accepted.deadlines().answerBy().toString()));
        assertThat(queueItem("JD-CZ", accepted.appealId())).containsEntry("role", "CO_HANDLER");
    }

    @Test
    void queueListsNearestDeadlineFirstAndFiltersByStatus() {
        AppealAccepted later = accepted("TAX", "ST-JQ", Instant.now().plus(3, ChronoUnit.DAYS));
        AppealAccepted sooner = accepted("TAX", "ST-JQ", Instant.now().plus(1, ChronoUnit.DAYS));
        kafka.publish(later, INTAKE);
        kafka.publish(sooner, INTAKE);
        queueItem("JD-SWJ", later.appealId());
        queueItem("JD-SWJ", sooner.appealId());

        List<String> ids = queue("JD-SWJ", "").stream().map(i -> (String) i.get("id"))
                .filter(id -> id.equals(later.appealId()) || id.equals(sooner.appealId())).toList();
        assertThat(ids).containsExactly(sooner.appealId(), later.appealId());

        signed("JD-SWJ", sooner.appealId(), null);
        assertThat(queue("JD-SWJ", "?status=SIGNED")).extracting(i -> i.get("id")).contains(sooner.appealId())
                .doesNotContain(later.appealId());
    }

    @Test
    void signingPublishesAppealSignedWithCloudEventHeadersAndKeyAndOnlyOnce() {
        AppealAccepted accepted = accepted("ENVIRONMENT", "ST-XCL");
        kafka.publish(accepted, INTAKE);
        queueItem("JD-STHJ", accepted.appealId());

        Map<String, Object> item = signed("JD-STHJ", accepted.appealId(), "{\"staff\":\"王五\"}");
        assertThat(item).containsEntry("status", "SIGNED").containsEntry("role", "LEAD")
                .containsEntry("nextDeadline", accepted.deadlines().answerBy().toString());

        Received record = kafka.awaitFirst(WAIT, r -> accepted.appealId().equals(r.key())
                && r.event() instanceof AppealSigned, Topics.LIFECYCLE).orElseThrow();
        AppealSigned signed = (AppealSigned) record.event();
        assertThat(signed.version()).isEqualTo(3);
        assertThat(signed.actor()).isEqualTo("staff:王五");
        assertThat(signed.department()).isEqualTo("JD-STHJ");
        assertThat(signed.withinDeadline()).isTrue();
        assertThat(record.headers()).containsEntry(CloudEventHeaders.ID, signed.eventId())
                .containsEntry(CloudEventHeaders.TYPE, AppealSigned.TYPE)
                .containsEntry(CloudEventHeaders.SOURCE, "/appeals/dispatch-service")
                .containsEntry(CloudEventHeaders.SUBJECT, accepted.appealId())
                .containsEntry(CloudEventHeaders.SPEC_VERSION, "1.0")
                .containsEntry(CloudEventHeaders.TIME, signed.occurredAt().toString());
        await().atMost(WAIT).until(() -> store.find(accepted.appealId()).block().outbox().isEmpty());

        assertThat(signed("JD-STHJ", accepted.appealId(), null)).containsEntry("status", "SIGNED");
        assertThat(store.find(accepted.appealId()).block().version()).isEqualTo(3);
        assertThat(kafka.readAll(Duration.ofSeconds(2), r -> accepted.appealId().equals(r.key()), Topics.LIFECYCLE))
                .extracting(r -> r.event().eventId()).containsOnly(signed.eventId());
    }

    @Test
    void answeredAppealLeavesTheQueueAndComesBackReopenedWithNewDeadlines() {
        AppealAccepted accepted = accepted("LAND", "ST-JY");
        AppealRef ref = accepted.appeal();
        kafka.publish(accepted, INTAKE);
        queueItem("JD-GHZY", accepted.appealId());
        signed("JD-GHZY", accepted.appealId(), null);

        AppealResponded responded = new AppealResponded(id(), ref, 4, Instant.now(), "staff:x", "JD-GHZY",
                AnswerResult.RESOLVED, "已答复", true);
        kafka.publish(responded, FEEDBACK);
        await().atMost(WAIT).until(() -> queue("JD-GHZY", "").stream()
                .noneMatch(i -> accepted.appealId().equals(i.get("id"))));

        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Deadlines reopenedClocks = new Deadlines(now.plus(1, ChronoUnit.DAYS), null, now.plus(3, ChronoUnit.DAYS));
        AppealRated rated = new AppealRated(id(), ref, 5, now, "hotline", Rating.DISSATISFIED, false, "没解决");
        AppealReopened reopened = new AppealReopened(id(), ref, 6, now, "system:feedback-service", "JD-GHZY",
                "企业不满意", reopenedClocks);
        for (AppealEvent event : List.of(rated, reopened, responded, reopened)) {
            kafka.publish(event, FEEDBACK);
        }
        awaitLifecycleConsumed();

        Map<String, Object> item = queueItem("JD-GHZY", accepted.appealId());
        assertThat(item).containsEntry("status", "REOPENED").containsEntry("role", "LEAD")
                .containsEntry("nextDeadline", reopenedClocks.signBy().toString());
        assertThat(store.find(accepted.appealId()).block().version()).isEqualTo(6);

        assertThat(signed("JD-GHZY", accepted.appealId(), null)).containsEntry("status", "SIGNED");
        AppealSigned signedAgain = (AppealSigned) kafka.awaitFirst(WAIT, r -> accepted.appealId().equals(r.key())
                && r.event() instanceof AppealSigned s && s.version() == 7, Topics.LIFECYCLE).orElseThrow().event();
        assertThat(signedAgain.department()).isEqualTo("JD-GHZY");
    }

    @Test
    void triageUnitDecidesTheLeadOfAnUnclassifiedAppeal() {
        AppealAccepted accepted = accepted(null, "ST-WG");
        kafka.publish(accepted, INTAKE);

        AppealSentToTriage toTriage = (AppealSentToTriage) kafka.awaitFirst(WAIT,
                r -> accepted.appealId().equals(r.key()), Topics.ASSIGNED).orElseThrow().event();
        assertThat(toTriage.department()).isEqualTo("JD-JW");
        assertThat(queueItem("JD-JW", accepted.appealId())).containsEntry("status", "TRIAGE")
                .containsEntry("role", "TRIAGE");
        http.post().uri("/api/v1/departments/JD-JW/queue/{id}/sign", accepted.appealId()).exchange()
                .expectStatus().isEqualTo(409).expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).contains("TRIAGE"));

        triage(accepted.appealId(), "{\"lead\":\"JD-KW\",\"coHandlers\":[\"ST-ML\",\"JD-KW\"],"
                + "\"reason\":\"研发费用加计扣除属科技创新\",\"triager\":\"李四\"}")
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("ASSIGNED")
                .jsonPath("$.leadDepartment").isEqualTo("JD-KW")
                .jsonPath("$.coHandlers[0]").isEqualTo("ST-ML")
                .jsonPath("$.decidedBy").isEqualTo("triage:李四");

        AppealAssigned assigned = (AppealAssigned) kafka.awaitFirst(WAIT, r -> accepted.appealId().equals(r.key())
                && r.event() instanceof AppealAssigned, Topics.ASSIGNED).orElseThrow().event();
        assertThat(assigned.version()).isEqualTo(3);
        assertThat(assigned.department()).isEqualTo("JD-KW");
        assertThat(assigned.coHandlers()).containsExactly("ST-ML");
        assertThat(assigned.decidedBy()).isEqualTo("triage:李四");
        assertThat(assigned.reason()).isEqualTo("研发费用加计扣除属科技创新");
        assertThat(queueItem("JD-KW", accepted.appealId())).containsEntry("role", "LEAD");
        assertThat(queueItem("ST-ML", accepted.appealId())).containsEntry("role", "CO_HANDLER");
        assertThat(queue("JD-JW", "")).noneMatch(i -> accepted.appealId().equals(i.get("id")));

        triage(accepted.appealId(), "{\"lead\":\"JD-SWW\",\"reason\":\"again\"}")
                .expectStatus().isEqualTo(409)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.appealStatus").isEqualTo("ASSIGNED");
    }

    @Test
    void malformedAcceptanceEndsOnTheDeadLetterTopicAfterRetries() {
        String appealId = id();
        kafka.publish(new EventEnvelope(appealId, Topics.ACCEPTED, Map.of(
                CloudEventHeaders.TYPE, AppealAccepted.TYPE, CloudEventHeaders.ID, id()),
                "{\"eventId\": not json".getBytes(StandardCharsets.UTF_8)));

        Received dead = kafka.awaitFirst(WAIT, r -> appealId.equals(r.key()), Topics.dlqFor("dispatch-service"))
                .orElseThrow();
        assertThat(dead.header("x-exception-message")).contains("Malformed");
        assertThat(dead.header("x-original-topic")).isEqualTo(Topics.ACCEPTED);
        assertThat(new String(dead.payload(), StandardCharsets.UTF_8)).isEqualTo("{\"eventId\": not json");
        assertThat(store.find(appealId).blockOptional()).isEmpty();
    }

    // --- HTTP errors ----------------------------------------------------------------------------------------------

    @Test
    void unknownUnitIsNotFound() {
        problem(http.get().uri("/api/v1/departments/JD-NOPE/queue").exchange(), 404)
                .jsonPath("$.detail").value(d -> assertThat((String) d).contains("JD-NOPE"));
    }

    @Test
    void statusFilterMustBeAnOpenStatus() {
        problem(http.get().uri("/api/v1/departments/JD-JW/queue?status=CLOSED").exchange(), 400)
                .jsonPath("$.errors[0].field").isEqualTo("status");
    }

    @Test
    void signingAnAppealNotInTheDepartmentsQueueIsNotFound() {
        problem(http.post().uri("/api/v1/departments/JD-JW/queue/{id}/sign", id()).exchange(), 404)
                .jsonPath("$.detail").value(d -> assertThat((String) d).contains("not in this department's queue"));
    }

    @Test
    void triageOfAnUnknownAppealIsNotFound() {
        problem(triage(id(), "{\"lead\":\"JD-KW\",\"reason\":\"r\"}"), 404);
    }

    @Test
    void triageDecisionNamesEveryInvalidField() {
        problem(triage(id(), "{\"lead\":\"JD-NOPE\",\"coHandlers\":[\"JD-CZ\",\"XX\"]}"), 400)
                .jsonPath("$.errors[0].field").isEqualTo("lead")
                .jsonPath("$.errors[1].field").isEqualTo("coHandlers[1]")
                .jsonPath("$.errors[2].field").isEqualTo("reason");
    }

    @Test
    void rejectsUnknownProperties() {
        problem(triage(id(), "{\"lead\":\"JD-KW\",\"reason\":\"r\",\"priority\":\"high\"}"), 400)
                .jsonPath("$.errors[0].field").isEqualTo("priority");
    }

    @Test
    void rejectsANumberForAStringField() {
        problem(triage(id(), "{\"lead\":5,\"reason\":\"r\"}"), 400)
                .jsonPath("$.errors[0].field").isEqualTo("lead");
        problem(triage(id(), "{\"lead\":\"JD-KW\",\"coHandlers\":[7],\"reason\":\"r\"}"), 400)
                .jsonPath("$.errors[0].field").isEqualTo("coHandlers[0]");
    }

    @Test
    void rejectsMalformedJson() {
        problem(triage(id(), "{\"lead\":"), 400);
    }

    record Flag(boolean urgent) {
    }

    record Level(Urgency urgency) {
    }

    @Test
    void requestBindingRefusesStringBooleansAndNumericEnums() {
        assertThat(json.readValue("{\"urgent\":true}", Flag.class).urgent()).isTrue();
        assertThatThrownBy(() -> json.readValue("{\"urgent\":\"1\"}", Flag.class)).hasMessageContaining("urgent");
        assertThatThrownBy(() -> json.readValue("{\"urgent\":1}", Flag.class)).hasMessageContaining("urgent");
        assertThat(json.readValue("{\"urgency\":\"URGENT\"}", Level.class).urgency()).isEqualTo(Urgency.URGENT);
        assertThatThrownBy(() -> json.readValue("{\"urgency\":0}", Level.class)).hasMessageContaining("urgency");
    }

    @Test
    void wrongMethodIsMethodNotAllowed() {
        problem(http.get().uri("/api/v1/departments/JD-JW/queue/{id}/sign", id()).exchange(), 405);
    }

    @Test
    void nonJsonBodyIsUnsupportedMediaType() {
        problem(http.post().uri("/api/v1/triage/{id}/assignment", id()).contentType(MediaType.TEXT_PLAIN)
                .bodyValue("lead=JD-KW").exchange(), 415);
    }

    @Test
    void oversizeBodyIsRefusedBeforeParsing() {
        String huge = "{\"lead\":\"JD-KW\",\"reason\":\"" + "很".repeat(30_000) + "\"}";
        problem(triage(id(), huge), 413);
    }

    @Test
    void unknownPathIsNotFound() {
        problem(http.get().uri("/api/v1/nothing-here").exchange(), 404);
    }

    @Test
    void publishesHealthMetricsAndApiDocs() {
        http.get().uri("/actuator/health").exchange().expectStatus().isOk();
        http.get().uri("/actuator/prometheus").exchange().expectStatus().isOk();
        http.get().uri("/v3/api-docs").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.paths['/api/v1/departments/{code}/queue']").exists()
                .jsonPath("$.paths['/api/v1/triage/{id}/assignment']").exists();
    }

    // --- helpers --------------------------------------------------------------------------------------------------

    private WebTestClient.BodyContentSpec problem(WebTestClient.ResponseSpec response, int status) {
        return response.expectStatus().isEqualTo(status)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(status);
    }

    private WebTestClient.ResponseSpec triage(String appealId, String body) {
        return http.post().uri("/api/v1/triage/{id}/assignment", appealId).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body).exchange();
    }

    private Map<String, Object> signed(String unit, String appealId, String body) {
        WebTestClient.RequestBodySpec request = http.post()
                .uri("/api/v1/departments/{code}/queue/{id}/sign", unit, appealId);
        WebTestClient.RequestHeadersSpec<?> ready = body == null ? request
                : request.contentType(MediaType.APPLICATION_JSON).bodyValue(body);
        return ready.exchange().expectStatus().isOk().expectBody(MAP).returnResult().getResponseBody();
    }

    private static final org.springframework.core.ParameterizedTypeReference<Map<String, Object>> MAP =
            new org.springframework.core.ParameterizedTypeReference<>() {
            };

    private List<Map<String, Object>> queue(String unit, String query) {
        return http.get().uri("/api/v1/departments/" + unit + "/queue" + query).exchange()
                .expectStatus().isOk().expectBodyList(MAP).returnResult().getResponseBody();
    }

    private Map<String, Object> queueItem(String unit, String appealId) {
        return await().atMost(WAIT).until(() -> queue(unit, "").stream()
                .filter(i -> appealId.equals(i.get("id"))).findFirst().orElse(null), item -> item != null);
    }

    /** Waits until dispatch's consumer group has read every record on appeals.lifecycle. */
    private void awaitLifecycleConsumed() {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.start().kafkaBootstrapServers());
        try (Admin admin = Admin.create(props)) {
            await().atMost(WAIT).until(() -> {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets("dispatch-service")
                        .partitionsToOffsetAndMetadata().get();
                Map<TopicPartition, OffsetSpec> latest = admin.describeTopics(List.of(Topics.LIFECYCLE))
                        .allTopicNames().get().get(Topics.LIFECYCLE).partitions().stream()
                        .collect(Collectors.toMap(p -> new TopicPartition(Topics.LIFECYCLE, p.partition()),
                                p -> OffsetSpec.latest()));
                return admin.listOffsets(latest).all().get().entrySet().stream().allMatch(e -> {
                    OffsetAndMetadata read = committed.get(e.getKey());
                    return (read == null ? 0 : read.offset()) >= e.getValue().offset();
                });
            });
        }
    }

    private static String id() {
        return UUID.randomUUID().toString();
    }

    private static AppealAccepted accepted(String category, String street) {
        return accepted(category, street, Instant.now().plus(1, ChronoUnit.DAYS));
    }

    private static AppealAccepted accepted(String category, String street, Instant signBy) {
        String appealId = id();
        Instant at = signBy.truncatedTo(ChronoUnit.SECONDS);
        return new AppealAccepted(id(), new AppealRef(appealId, "QS-20260302-" + appealId.substring(0, 6),
                Source.HOTLINE_12345, "GD" + appealId.substring(0, 8)), 1, Instant.now(), "hotline",
                new Enterprise("上海嘉定测试有限公司", "91310114CL12TH3B1T", "吴先生", "13078106871"), street,
                "测试诉求", "内容", category, Urgency.NORMAL,
                new Deadlines(at, at.plus(1, ChronoUnit.HOURS), at.plus(5, ChronoUnit.DAYS)));
    }
}
