package gov.appeals.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.reactive.server.WebTestClient;

import gov.appeals.events.AppealAccepted;
import gov.appeals.events.AppealAssigned;
import gov.appeals.events.AppealEvent;
import gov.appeals.events.AppealRef;
import gov.appeals.events.AppealReturned;
import gov.appeals.events.AppealSentToTriage;
import gov.appeals.events.AppealStatus;
import gov.appeals.events.CoHandlerInputPosted;
import gov.appeals.events.ConsultationAnswered;
import gov.appeals.events.ConsultationRequested;
import gov.appeals.events.Deadlines;
import gov.appeals.events.Enterprise;
import gov.appeals.events.ReturnReason;
import gov.appeals.events.Source;
import gov.appeals.events.Topics;
import gov.appeals.events.Urgency;
import gov.appeals.testsupport.Credentials;
import gov.appeals.testsupport.HostileInput;
import gov.appeals.testsupport.HostileInput.Endpoint;
import gov.appeals.testsupport.KafkaTestClient;
import gov.appeals.testsupport.KafkaTestClient.Received;
import gov.appeals.testsupport.TestInfrastructure;
import gov.appeals.testsupport.TestIssuer;

/**
 * Department work besides signing, against the real broker: returns (退单) and the re-routing they lead to,
 * transfers (转办), co-handlers' input (协办意见) and the triage unit's consultations (征询). Requests go as the
 * department's head, triage as the triager ({@link Credentials#natural}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "appeals.messaging.retry-initial=100ms",
        "appeals.outbox.sweep-interval=1s"})
@AutoConfigureWebTestClient(timeout = "30s")
// The other dispatch test classes follow the same topic: closing this context keeps it out of their routing.
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class DepartmentWorkIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(45);
    private static final String INTAKE = "/appeals/appeal-intake";
    private static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {
    };

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "dispatch-work");
        TestIssuer.register(registry);
    }

    @Autowired
    WebTestClient anonymous;

    WebTestClient http;

    private final KafkaTestClient kafka = KafkaTestClient.forTestInfrastructure();

    @BeforeEach
    void credentials() {
        http = Credentials.natural(anonymous);
    }

    // --- returns ---------------------------------------------------------------------------------------------------

    @Test
    void aReturnNamesWhoAndWhyAndWithNoOtherRuleLeftTheAppealGoesToTriageWithItsClocksRunning() {
        AppealAccepted accepted = routedTo("TAX", "ST-ML", "JD-SWJ");

        Map<String, Object> after = returned("JD-SWJ", accepted.appealId(), "NOT_OUR_REMIT", "属于海关职责，非税务事项")
                .expectStatus().isOk().expectBody(MAP).returnResult().getResponseBody();

        assertThat(after).containsEntry("status", "TRIAGE").containsEntry("triageUnit", "JD-JW");
        assertThat(after.get("returns").toString()).contains("JD-SWJ", "NOT_OUR_REMIT", "属于海关职责");
        AppealReturned returnedEvent = (AppealReturned) awaitEvent(accepted, AppealReturned.class).event();
        assertThat(returnedEvent.department()).isEqualTo("JD-SWJ");
        assertThat(returnedEvent.reason()).isEqualTo(ReturnReason.NOT_OUR_REMIT);
        assertThat(returnedEvent.returns()).isEqualTo(1);
        assertThat(returnedEvent.actor()).isEqualTo("staff:head-JD-SWJ");
        assertThat(returnedEvent.version()).isEqualTo(3);
        AppealSentToTriage triage = (AppealSentToTriage) awaitEvent(accepted, AppealSentToTriage.class).event();
        assertThat(triage.version()).isEqualTo(4);
        assertThat(triage.reason()).contains("Returned by JD-SWJ");
        assertThat(triage.deadlines()).as("the clocks keep running").isEqualTo(accepted.deadlines());

        await().atMost(WAIT).until(() -> !inQueue("JD-SWJ", accepted.appealId()));
        await().atMost(WAIT).until(() -> inQueue("JD-JW", accepted.appealId()));
    }

    @Test
    void aReturnedAppealGoesToTheNextRuleWithoutItsReturnersAndItsSecondReturnToTriageThoughARuleIsLeft() {
        // LAND, which no other scenario here uses, gets two fallback rules after its own (JD-GHZY).
        Map<String, Object> active = supervisor().get().uri("/api/v1/routing/rules").exchange().expectStatus().isOk()
                .expectBody(MAP).returnResult().getResponseBody();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> rules = new java.util.ArrayList<>((List<Map<String, Object>>) active.get("rules"));
        rules.add(Map.of("id", "land-fallback", "priority", 2000, "match", Map.of("categories", List.of("LAND")),
                "lead", "JD-JSGL", "coHandlers", List.of()));
        rules.add(Map.of("id", "land-third", "priority", 3000, "match", Map.of("categories", List.of("LAND")),
                "lead", "JD-STHJ", "coHandlers", List.of()));
        int version = ((Number) supervisor().post().uri("/api/v1/routing/rules").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("basedOn", active.get("version"), "why", "土地诉求退单后的备选主办", "rules", rules))
                .exchange().expectStatus().isCreated().expectBody(MAP).returnResult().getResponseBody()
                .get("version")).intValue();
        AppealAccepted accepted = routedTo("LAND", "ST-ML", "JD-GHZY");

        returned("JD-GHZY", accepted.appealId(), "NEEDS_OTHER_DEPARTMENT", "需建设管理委办理")
                .expectStatus().isOk().expectBody().jsonPath("$.leadDepartment").isEqualTo("JD-JSGL");
        AppealAssigned next = (AppealAssigned) kafka.awaitFirst(WAIT, r -> accepted.appealId().equals(r.key())
                && r.event() instanceof AppealAssigned a && "JD-JSGL".equals(a.department()), Topics.EVENTS)
                .orElseThrow().event();
        assertThat(next.decidedBy()).isEqualTo("rule:land-fallback");
        assertThat(next.ruleVersion()).isEqualTo(version);
        assertThat(next.reason()).contains("Returned by JD-GHZY");
        await().atMost(WAIT).until(() -> inQueue("JD-JSGL", accepted.appealId()));

        returned("JD-JSGL", accepted.appealId(), "NOT_OUR_REMIT", "不属建设管理委职责")
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("TRIAGE");
        AppealSentToTriage triage = (AppealSentToTriage) awaitEvent(accepted, AppealSentToTriage.class).event();
        assertThat(triage.reason()).as("no third department, though land-third is left").contains("returned 2 times");
        assertThat(kafka.readAll(Duration.ofSeconds(1), r -> accepted.appealId().equals(r.key())
                && r.event() instanceof AppealReturned, Topics.EVENTS)).extracting(r -> ((AppealReturned) r.event())
                .returns()).containsExactly(1, 2);

        // What a candidate would change, replayed over the appeals dispatch routed (this one returned).
        Map<String, Object> report = supervisor().post().uri("/api/v1/routing/what-if")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("rules", List.of(Map.of("id", "land-to-jsgl",
                        "priority", 1, "match", Map.of("categories", List.of("LAND")), "lead", "JD-JSGL",
                        "coHandlers", List.of())))).exchange().expectStatus().isOk().expectBody(MAP).returnResult()
                .getResponseBody();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> moves = (List<Map<String, Object>>) report.get("moves");
        assertThat(moves).anySatisfy(move -> assertThat(move).containsEntry("from", "JD-GHZY")
                .containsEntry("to", "JD-JSGL").containsEntry("returned", 1));
    }

    @Test
    void aTriageDecisionCannotBeReturnedButOnlyTakenToASupervisor() {
        AppealAccepted accepted = accepted(null, "ST-ML");
        kafka.publish(accepted, INTAKE);
        awaitEvent(accepted, AppealSentToTriage.class);
        http.post().uri("/api/v1/triage/{id}/assignment", accepted.appealId()).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"lead\":\"JD-KW\",\"reason\":\"科技企业研发补贴\"}").exchange().expectStatus().isOk();

        returned("JD-KW", accepted.appealId(), "NOT_OUR_REMIT", "不是科委职责").expectStatus().isEqualTo(409)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").value(detail -> assertThat(detail.toString())
                        .contains("triage unit", "supervisor"));
        assertThat(kafka.readAll(Duration.ofSeconds(1), r -> accepted.appealId().equals(r.key())
                && r.event() instanceof AppealReturned, Topics.EVENTS)).isEmpty();
    }

    @Test
    void aStreetEscalatesWhatItCannotSolveToTheDistrict() {
        AppealAccepted accepted = routedTo("NEIGHBORHOOD", "ST-ML", "ST-ML");

        returned("ST-ML", accepted.appealId(), "BEYOND_STREET_CAPACITY", "涉及区级道路规划，街镇无法解决")
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("TRIAGE");
        AppealSentToTriage triage = (AppealSentToTriage) awaitEvent(accepted, AppealSentToTriage.class).event();
        assertThat(triage.reason()).contains("escalates it to the district");
    }

    @Test
    void onlyTheLeadReturnsAndOnlyWithAKnownReasonAndAReadableText() {
        AppealAccepted accepted = routedTo("REGISTRATION", "ST-ML", "JD-SCJG");

        returned("JD-SWJ", accepted.appealId(), "NOT_OUR_REMIT", "协办单位不能退单").expectStatus().isNotFound();
        returned("JD-SCJG", accepted.appealId(), "WHATEVER", "原因").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("reason");
        returned("JD-SCJG", accepted.appealId(), "OTHER", "控制\u0007字符").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("text");
        Credentials.as(anonymous, "clerk-JD-SWJ").post()
                .uri("/api/v1/departments/JD-SCJG/queue/{id}/return", accepted.appealId())
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"reason\":\"OTHER\",\"text\":\"别人的\"}")
                .exchange().expectStatus().isForbidden();
        assertThat(inQueue("JD-SCJG", accepted.appealId())).isTrue();
    }

    @Test
    void refusesMalformedOversizedMisencodedAndInjectedBodiesWithAProblemAndNeverAServerError() {
        // An appeal no one holds: a body that happens to stay valid meets a 404, never a change.
        String item = "/api/v1/departments/{code}/queue/" + UUID.randomUUID();
        var returns = HostileInput.attack(http, new Endpoint(HttpMethod.POST, item.replace("{code}", "JD-JW")
                + "/return", "{\"reason\":\"OTHER\",\"text\":\"不属本单位\"}"), 400, 11);
        var inputs = HostileInput.attack(http, new Endpoint(HttpMethod.POST, item.replace("{code}", "JD-HG")
                + "/input", "{\"text\":\"海关意见\",\"attachments\":[\"doc:1\"]}"), 400, 12);
        var consultations = HostileInput.attack(http, new Endpoint(HttpMethod.POST, "/api/v1/triage/"
                + UUID.randomUUID() + "/consultations", "{\"departments\":[\"JD-SCJG\"],\"question\":\"是否属贵单位？\"}"),
                400, 13);
        System.out.printf("[hostile input] dispatch-service: return %s, input %s, consultation %s%n", returns, inputs,
                consultations);
    }

    // --- transfers -------------------------------------------------------------------------------------------------

    @Test
    void aSignedAppealIsTransferredWithBothSidesRecordedAndItsClocksKept() {
        AppealAccepted accepted = routedTo("ENFORCEMENT", "ST-ML", "JD-SCJG");
        http.post().uri("/api/v1/departments/JD-SCJG/queue/{id}/transfer", accepted.appealId())
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"to\":\"JD-GA\",\"reason\":\"涉嫌诈骗，转公安\"}")
                .exchange().expectStatus().isEqualTo(409);

        http.post().uri("/api/v1/departments/JD-SCJG/queue/{id}/sign", accepted.appealId()).exchange()
                .expectStatus().isOk();
        Map<String, Object> after = http.post().uri("/api/v1/departments/JD-SCJG/queue/{id}/transfer",
                        accepted.appealId()).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"to\":\"JD-GA\",\"reason\":\"涉嫌诈骗，转公安\"}").exchange()
                .expectStatus().isOk().expectBody(MAP).returnResult().getResponseBody();

        assertThat(after).containsEntry("leadDepartment", "JD-GA").containsEntry("status", "ASSIGNED");
        assertThat(after.get("transfers").toString()).contains("JD-SCJG", "JD-GA", "涉嫌诈骗");
        AppealAssigned transfer = (AppealAssigned) kafka.awaitFirst(WAIT, r -> accepted.appealId().equals(r.key())
                && r.event() instanceof AppealAssigned a && "JD-GA".equals(a.department()), Topics.EVENTS)
                .orElseThrow().event();
        assertThat(transfer.transferredFrom()).isEqualTo("JD-SCJG");
        assertThat(transfer.decidedBy()).isEqualTo("transfer:head-JD-SCJG");
        assertThat(transfer.coHandlers()).containsExactly("JD-SFJ");
        assertThat(transfer.deadlines()).isEqualTo(accepted.deadlines());
        await().atMost(WAIT).until(() -> inQueue("JD-GA", accepted.appealId()));
        assertThat(inQueue("JD-SCJG", accepted.appealId())).isFalse();
    }

    // --- co-handling -----------------------------------------------------------------------------------------------

    @Test
    void coHandlersPostTheirInputAndTheLeadSeesAllOfItBeforeAnswering() {
        AppealAccepted accepted = routedTo("FINANCING", "ST-ML", "JD-JW");

        Map<String, Object> input = postInput("JD-CZ", accepted.appealId(),
                "{\"text\":\"可申请区财政贴息，上限50万元\",\"attachments\":[\"doc:policy-2026-03\"]}")
                .expectStatus().isCreated().expectBody(MAP).returnResult().getResponseBody();
        postInput("JD-SWW", accepted.appealId(), "{\"text\":\"外贸企业另有出口信保支持\"}").expectStatus().isCreated();
        postInput("JD-SWJ", accepted.appealId(), "{\"text\":\"不相干的单位\"}").expectStatus().isNotFound();
        postInput("JD-JW", accepted.appealId(), "{\"text\":\"主办不是协办\"}").expectStatus().isNotFound();

        assertThat(input).containsEntry("department", "JD-CZ").containsEntry("by", "head-JD-CZ")
                .containsEntry("attachments", List.of("doc:policy-2026-03"));
        CoHandlerInputPosted posted = (CoHandlerInputPosted) awaitEvent(accepted, CoHandlerInputPosted.class).event();
        assertThat(posted.isStageChange()).isFalse();
        assertThat(posted.version()).as("a note keeps the stage's version").isEqualTo(2);
        assertThat(posted.status()).isEqualTo(AppealStatus.ASSIGNED);

        Map<String, Object> detail = http.get().uri("/api/v1/departments/JD-JW/queue/{id}", accepted.appealId())
                .exchange().expectStatus().isOk().expectBody(MAP).returnResult().getResponseBody();
        assertThat(detail.get("inputs").toString()).contains(input.get("inputId").toString(), "区财政贴息",
                "出口信保");
        http.post().uri("/api/v1/departments/JD-JW/queue/{id}/sign", accepted.appealId()).exchange()
                .expectStatus().isOk();
    }

    // --- consultations ---------------------------------------------------------------------------------------------

    @Test
    void theTriageUnitAsksDepartmentsWhetherAnAppealIsTheirsAndEachAnswersOnce() {
        AppealAccepted accepted = accepted(null, "ST-AT");
        kafka.publish(accepted, INTAKE);
        awaitEvent(accepted, AppealSentToTriage.class);

        http.post().uri("/api/v1/triage/{id}/consultations", accepted.appealId())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"departments\":[\"JD-SCJG\",\"JD-STHJ\"],\"question\":\"企业反映排污许可与执照信息不一致，是否属贵单位？\"}")
                .exchange().expectStatus().isCreated();
        ConsultationRequested asked = (ConsultationRequested) awaitEvent(accepted, ConsultationRequested.class)
                .event();
        assertThat(asked.departments()).containsExactly("JD-SCJG", "JD-STHJ");

        List<Map<String, Object>> waiting = http.get().uri("/api/v1/departments/JD-STHJ/consultations").exchange()
                .expectStatus().isOk().expectBodyList(MAP).returnResult().getResponseBody();
        assertThat(waiting).extracting(w -> w.get("id")).contains(accepted.appealId());

        answer("JD-STHJ", accepted.appealId(), "{\"ours\":true,\"text\":\"排污许可属我局\"}").expectStatus().isOk();
        answer("JD-STHJ", accepted.appealId(), "{\"ours\":true,\"text\":\"再答一次\"}").expectStatus().isEqualTo(409);
        answer("JD-KW", accepted.appealId(), "{\"ours\":false,\"text\":\"没被问到\"}").expectStatus().isNotFound();
        answer("JD-SCJG", accepted.appealId(), "{\"text\":\"缺少结论\"}").expectStatus().isBadRequest();
        ConsultationAnswered answered = (ConsultationAnswered) awaitEvent(accepted, ConsultationAnswered.class)
                .event();
        assertThat(answered.department()).isEqualTo("JD-STHJ");
        assertThat(answered.ours()).isTrue();
        assertThat(http.get().uri("/api/v1/departments/JD-STHJ/consultations").exchange().expectStatus().isOk()
                .expectBodyList(MAP).returnResult().getResponseBody()).extracting(w -> w.get("id"))
                .doesNotContain(accepted.appealId());

        Map<String, Object> seenByTriage = http.get().uri("/api/v1/departments/JD-JW/queue/{id}",
                accepted.appealId()).exchange().expectStatus().isOk().expectBody(MAP).returnResult()
                .getResponseBody();
        assertThat(seenByTriage.get("consultations").toString()).contains("JD-STHJ", "排污许可属我局");

        http.post().uri("/api/v1/triage/{id}/assignment", accepted.appealId()).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"lead\":\"JD-STHJ\",\"reason\":\"征询后生态环境局认领\"}").exchange().expectStatus().isOk();
        answer("JD-SCJG", accepted.appealId(), "{\"ours\":false,\"text\":\"已定了\"}").expectStatus().isEqualTo(409);
    }

    // --- helpers ---------------------------------------------------------------------------------------------------

    private WebTestClient supervisor() {
        return Credentials.as(anonymous, "supervisor");
    }

    private WebTestClient.ResponseSpec returned(String unit, String appealId, String reason, String text) {
        return http.post().uri("/api/v1/departments/{code}/queue/{id}/return", unit, appealId)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("reason", reason, "text", text)).exchange();
    }

    private WebTestClient.ResponseSpec postInput(String unit, String appealId, String body) {
        return http.post().uri("/api/v1/departments/{code}/queue/{id}/input", unit, appealId)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    private WebTestClient.ResponseSpec answer(String unit, String appealId, String body) {
        return http.post().uri("/api/v1/departments/{code}/consultations/{id}/answer", unit, appealId)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    private boolean inQueue(String unit, String appealId) {
        return http.get().uri("/api/v1/departments/{code}/queue/{id}", unit, appealId).exchange()
                .returnResult(String.class).getStatus().value() == 200;
    }

    /** An accepted appeal the rules route to {@code lead}, once dispatch holds it. */
    private AppealAccepted routedTo(String category, String street, String lead) {
        AppealAccepted accepted = accepted(category, street);
        kafka.publish(accepted, INTAKE);
        AppealAssigned assigned = (AppealAssigned) awaitEvent(accepted, AppealAssigned.class).event();
        assertThat(assigned.department()).isEqualTo(lead);
        await().atMost(WAIT).until(() -> inQueue(lead, accepted.appealId()));
        return accepted;
    }

    private Received awaitEvent(AppealAccepted accepted, Class<? extends AppealEvent> type) {
        return kafka.awaitFirst(WAIT, r -> accepted.appealId().equals(r.key()) && type.isInstance(r.event()),
                Topics.EVENTS).orElseThrow();
    }

    private static AppealAccepted accepted(String category, String street) {
        String appealId = UUID.randomUUID().toString();
        Instant at = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        return new AppealAccepted(UUID.randomUUID().toString(), new AppealRef(appealId,
                "QS-20260302-" + appealId.substring(0, 6), Source.HOTLINE_12345, "GD" + appealId.substring(0, 8)), 1,
                Instant.now(), "hotline", new Enterprise("上海嘉定测试有限公司", "91310114CL12TH3B1T", "吴先生",
                "13078106871"), street, "测试诉求", "内容", category, Urgency.NORMAL,
                new Deadlines(at, at.plus(1, ChronoUnit.HOURS), at.plus(5, ChronoUnit.DAYS)), null);
    }
}
