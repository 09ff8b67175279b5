package gov.appeals.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import gov.appeals.dispatch.queue.Assignment;
import gov.appeals.dispatch.queue.Transition;
import gov.appeals.dispatch.queue.store.AssignmentDocument;
import gov.appeals.dispatch.queue.store.AssignmentStore;
import gov.appeals.dispatch.routing.ActiveRules;
import gov.appeals.events.AppealAccepted;
import gov.appeals.events.AppealAssigned;
import gov.appeals.events.AppealEvent;
import gov.appeals.events.AppealRated;
import gov.appeals.events.AppealRef;
import gov.appeals.events.AppealReopened;
import gov.appeals.events.AppealResponded;
import gov.appeals.events.AppealSentToTriage;
import gov.appeals.events.AppealSigned;
import gov.appeals.events.AppealStatus;
import gov.appeals.events.AnswerResult;
import gov.appeals.events.Classification;
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
import gov.appeals.testsupport.Credentials;
import gov.appeals.testsupport.TestInfrastructure;
import gov.appeals.testsupport.TestIssuer;
import tools.jackson.databind.json.JsonMapper;
import gov.appeals.testsupport.HostileInput;
import gov.appeals.testsupport.HostileInput.Endpoint;

/**
 * The service against a real Kafka broker and MongoDB wire protocol: one context for every scenario. Every event of
 * every appeal is on one topic ({@link Topics#EVENTS}), the ones dispatch publishes included, which come back to it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "appeals.messaging.retry-initial=100ms",
        "appeals.outbox.sweep-interval=1s",
        "appeals.outbox.stale-after=1s",
        "appeals.outbox.full-scan-interval=1s"})
// A cold first request on a busy 2-core CI machine can outlast the default 5 s; this is no performance limit.
@AutoConfigureWebTestClient(timeout = "30s")
// Closed after the class: another class's dispatch on the same topic and consumer group would take its appeals.
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class DispatchServiceTest {

    private static final Duration WAIT = Duration.ofSeconds(45);
    private static final Duration STORE = Duration.ofSeconds(10);
    private static final String INTAKE = "/appeals/appeal-intake";
    private static final String FEEDBACK = "/appeals/feedback-service";
    private static final String DISPATCH = "/appeals/dispatch-service";

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "dispatch-service");
        TestIssuer.register(registry);
    }

    @Autowired
    WebTestClient anonymous;

    /** Each request by the user whose job it is: a queue by its department's head, triage by the triager. */
    WebTestClient http;

    @BeforeEach
    void credentials() {
        http = Credentials.natural(anonymous);
    }

    @Autowired
    AssignmentStore store;

    @Autowired
    ActiveRules rules;

    @Autowired
    JsonMapper json;

    private final KafkaTestClient kafka = KafkaTestClient.forTestInfrastructure();

    // --- hostile input -----------------------------------------------------------------------------------------

    @Test
    void refusesThousandsOfMalformedOversizedMisencodedAndInjectedBodiesWithoutChangingAnything() {
        String id = UUID.randomUUID().toString();
        var signs = HostileInput.attack(http, new Endpoint(HttpMethod.POST,
                "/api/v1/departments/JD-JW/queue/" + id + "/sign",
                "{}"), 1200, 7);
        var triage = HostileInput.attack(http, new Endpoint(HttpMethod.POST, "/api/v1/triage/" + id + "/assignment",
                "{\"lead\":\"JD-JW\",\"coHandlers\":[\"JD-SWJ\"],\"reason\":\"属金融服务\"}"),
                1200, 8);
        System.out.printf("[hostile input] dispatch-service: sign %s, triage %s%n", signs, triage);
        assertThat(store.find(id).blockOptional(STORE)).as("an assignment made by hostile input").isEmpty();
    }

    // --- routing, following, idempotency ---------------------------------------------------------------------------

    @Test
    void routesAnAcceptedAppealOnceEvenWhenItIsDeliveredTwice() {
        AppealAccepted accepted = accepted("FINANCING", "ST-ML");
        kafka.publish(accepted, INTAKE);
        kafka.publish(accepted, INTAKE);

        AppealAssigned assigned = (AppealAssigned) kafka.awaitFirst(WAIT, r -> accepted.appealId().equals(r.key())
                && r.event() instanceof AppealAssigned, Topics.EVENTS).orElseThrow().event();
        assertThat(assigned.version()).isEqualTo(2);
        assertThat(assigned.actor()).isEqualTo("system:dispatch-service");
        assertThat(assigned.department()).isEqualTo("JD-JW");
        assertThat(assigned.coHandlers()).containsExactly("JD-CZ", "JD-SWW");
        assertThat(assigned.decidedBy()).isEqualTo("rule:category:FINANCING");
        assertThat(assigned.deadlines()).isEqualTo(accepted.deadlines());

        awaitEventsConsumed();
        assertThat(routingEvents(accepted.appealId())).extracting(r -> r.event().eventId())
                .containsExactly(assigned.eventId());
        AssignmentDocument stored = awaitOutboxEmpty(accepted.appealId());
        assertThat(stored.version()).isEqualTo(2);
        assertThat(stored.appliedEventIds()).containsExactly(assigned.eventId());

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
    void aRepeatGoesToTheLeadOfTheAppealItRepeatsAndIsFlaggedInThatQueue() {
        AppealAccepted original = accepted("NEIGHBORHOOD", "ST-ML");
        kafka.publish(original, INTAKE);
        assertThat(assignedOf(original).department()).isEqualTo("ST-ML");

        // Its category alone would send it to 区经委 (FINANCING); being a repeat, it follows the first appeal.
        AppealAccepted repeat = repeatOf(accepted("FINANCING", "ST-ML"), original.appealId());
        kafka.publish(repeat, INTAKE);

        AppealAssigned assigned = assignedOf(repeat);
        assertThat(assigned.department()).isEqualTo("ST-ML");
        assertThat(assigned.decidedBy()).isEqualTo("rule:repeat");
        assertThat(assigned.reason()).contains("重复件").contains(original.appeal().number());
        assertThat(queueItem("ST-ML", repeat.appealId())).containsEntry("repeatOf", original.appealId());
        assertThat(queueItem("ST-ML", original.appealId())).containsEntry("repeatOf", null);
    }

    @Test
    void anAppealIntakesModelWasUnsureOfWaitsInTriageWithItsCandidatesInTheReason() {
        AppealAccepted a = accepted(null, "ST-ML");
        AppealAccepted unsure = new AppealAccepted(a.eventId(), a.appeal(), a.version(), a.occurredAt(), a.actor(),
                a.enterprise(), a.street(), a.title(), a.content(), null, a.urgency(), a.deadlines(), null,
                new Classification(Classification.TRIAGE, "lr-test", 0.21, List.of("事情"), List.of(
                        new Classification.Candidate("TAX", 0.21), new Classification.Candidate("FINANCING", 0.18))),
                null);
        kafka.publish(unsure, INTAKE);

        AppealSentToTriage triage = (AppealSentToTriage) kafka.awaitFirst(WAIT, r -> unsure.appealId().equals(r.key())
                && r.event() instanceof AppealSentToTriage, Topics.EVENTS).orElseThrow().event();
        assertThat(triage.reason()).contains("not confident").contains("税费服务 (TAX) 0.21")
                .contains("融资服务 (FINANCING) 0.18");
        assertThat(queueItem("JD-JW", unsure.appealId())).containsEntry("status", "TRIAGE");
    }

    @Test
    void aRepeatOfAnAppealDispatchDoesNotHoldIsRoutedByTheRules() {
        AppealAccepted repeat = repeatOf(accepted("FINANCING", "ST-ML"), id());
        kafka.publish(repeat, INTAKE);

        AppealAssigned assigned = assignedOf(repeat);
        assertThat(assigned.department()).isEqualTo("JD-JW");
        assertThat(assigned.decidedBy()).isEqualTo("rule:category:FINANCING");
    }

    @Test
    void redeliveredAcceptanceAndDispatchsOwnEventsComingBackChangeNothingAndPublishNothingNew() {
        AppealAccepted accepted = accepted(null, "ST-WG");
        kafka.publish(accepted, INTAKE);
        Received toTriage = kafka.awaitFirst(WAIT, r -> accepted.appealId().equals(r.key())
                && r.event() instanceof AppealSentToTriage, Topics.EVENTS).orElseThrow();
        triage(accepted.appealId(), "{\"lead\":\"JD-KW\",\"reason\":\"科技类\"}").expectStatus().isOk();
        Received assigned = kafka.awaitFirst(WAIT, r -> accepted.appealId().equals(r.key())
                && r.event() instanceof AppealAssigned, Topics.EVENTS).orElseThrow();
        awaitEventsConsumed();
        AssignmentDocument before = awaitOutboxEmpty(accepted.appealId());
        assertThat(before.version()).isEqualTo(3);

        // Kafka redelivers the acceptance; dispatch's own routing and triage events reach it again too.
        kafka.publish(accepted, INTAKE);
        kafka.publish(toTriage.event(), DISPATCH);
        kafka.publish(assigned.event(), DISPATCH);
        awaitEventsConsumed();

        assertThat(store.find(accepted.appealId()).block(STORE)).isEqualTo(before);
        // On the topic: dispatch's two events, each once, and the test's copies of them; nothing else.
        assertThat(routingEvents(accepted.appealId())).extracting(r -> r.event().eventId())
                .containsExactlyInAnyOrder(toTriage.event().eventId(), assigned.event().eventId(),
                        toTriage.event().eventId(), assigned.event().eventId());
    }

    @Test
    void anEventLeftInTheOutboxIsPublishedByTheSweep() {
        AppealAccepted accepted = accepted("TAX", "ST-JQ");
        Transition routing = Assignment.route(accepted,
                rules.current().route(Assignment.facts(accepted), java.util.Set.of()), id(), Instant.now());
        // Stored as a crash right after the insert would leave it: nobody asked the relay to publish it.
        store.insertRouted(routing, Instant.now().minus(1, ChronoUnit.MINUTES)).block(STORE);

        Received published = kafka.awaitFirst(WAIT, r -> accepted.appealId().equals(r.key()), Topics.EVENTS)
                .orElseThrow();
        assertThat(published.event().eventId()).isEqualTo(routing.event().eventId());
        assertThat(published.header(CloudEventHeaders.TYPE)).isEqualTo(AppealAssigned.TYPE);
        awaitOutboxEmpty(accepted.appealId());
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
        assertThat(queue("JD-SWJ", "status=SIGNED")).extracting(i -> i.get("id")).contains(sooner.appealId())
                .doesNotContain(later.appealId());
    }

    @Test
    void queueIsPagedTwentyByDefaultAtMostAHundredWithATotalInDeadlineThenIdOrder() {
        // EMPLOYMENT is led by JD-RSJ with no co-handlers, and no other scenario routes anything there.
        Instant base = Instant.now().plus(2, ChronoUnit.DAYS);
        List<AppealAccepted> appeals = new ArrayList<>();
        for (int i = 0; i < 23; i++) {
            appeals.add(accepted("EMPLOYMENT", "ST-AT", base.plus(i % 4, ChronoUnit.HOURS)));
        }
        appeals.forEach(a -> kafka.publish(a, INTAKE));
        await().atMost(WAIT).until(() -> ((Number) page("JD-RSJ", "size=1").get("total")).intValue() == 23);

        Map<String, Object> first = page("JD-RSJ", "");
        assertThat(first).containsEntry("page", 0).containsEntry("size", 20).containsEntry("total", 23);
        Map<String, Object> second = page("JD-RSJ", "page=1");
        assertThat(second).containsEntry("page", 1).containsEntry("size", 20).containsEntry("total", 23);
        assertThat(items(second)).hasSize(3);
        assertThat(items(page("JD-RSJ", "page=2"))).isEmpty();

        List<Map<String, Object>> all = items(page("JD-RSJ", "size=100"));
        assertThat(all).hasSize(23);
        List<Map<String, Object>> paged = new ArrayList<>(items(first));
        paged.addAll(items(second));
        assertThat(paged).extracting(i -> i.get("id")).containsExactlyElementsOf(all.stream().map(i -> i.get("id"))
                .toList());
        assertThat(all).extracting(i -> i.get("id")).containsExactlyInAnyOrderElementsOf(appeals.stream()
                .map(AppealAccepted::appealId).toList());
        Comparator<Map<String, Object>> deadlineThenId = Comparator
                .<Map<String, Object>, Instant>comparing(i -> Instant.parse((String) i.get("nextDeadline")))
                .thenComparing(i -> (String) i.get("id"));
        assertThat(all).isSortedAccordingTo(deadlineThenId);
        assertThat(items(page("JD-RSJ", "page=4&size=5"))).extracting(i -> i.get("id"))
                .containsExactlyElementsOf(all.subList(20, 23).stream().map(i -> i.get("id")).toList());

        problem(http.get().uri("/api/v1/departments/JD-RSJ/queue?size=101").exchange(), 400)
                .jsonPath("$.errors[0].field").isEqualTo("size");
        problem(http.get().uri("/api/v1/departments/JD-RSJ/queue?size=0").exchange(), 400)
                .jsonPath("$.errors[0].field").isEqualTo("size");
        problem(http.get().uri("/api/v1/departments/JD-RSJ/queue?page=-1").exchange(), 400)
                .jsonPath("$.errors[0].field").isEqualTo("page");
        problem(http.get().uri("/api/v1/departments/JD-RSJ/queue?size=many").exchange(), 400);
    }

    @Test
    void signingPublishesAppealSignedWithCloudEventHeadersAndKeyAndOnlyOnce() {
        AppealAccepted accepted = accepted("ENVIRONMENT", "ST-XCL");
        kafka.publish(accepted, INTAKE);
        queueItem("JD-STHJ", accepted.appealId());

        Map<String, Object> item = signed("JD-STHJ", accepted.appealId(), null);
        assertThat(item).containsEntry("status", "SIGNED").containsEntry("role", "LEAD")
                .containsEntry("nextDeadline", accepted.deadlines().answerBy().toString());

        Received record = kafka.awaitFirst(WAIT, r -> accepted.appealId().equals(r.key())
                && r.event() instanceof AppealSigned, Topics.EVENTS).orElseThrow();
        AppealSigned signed = (AppealSigned) record.event();
        assertThat(signed.version()).isEqualTo(3);
        assertThat(signed.actor()).isEqualTo("staff:head-JD-STHJ");
        assertThat(signed.department()).isEqualTo("JD-STHJ");
        assertThat(signed.withinDeadline()).isTrue();
        assertThat(record.headers()).containsEntry(CloudEventHeaders.ID, signed.eventId())
                .containsEntry(CloudEventHeaders.TYPE, AppealSigned.TYPE)
                .containsEntry(CloudEventHeaders.SOURCE, DISPATCH)
                .containsEntry(CloudEventHeaders.SUBJECT, accepted.appealId())
                .containsEntry(CloudEventHeaders.SPEC_VERSION, "1.0")
                .containsEntry(CloudEventHeaders.TIME, signed.occurredAt().toString());
        awaitOutboxEmpty(accepted.appealId());

        assertThat(signed("JD-STHJ", accepted.appealId(), null)).containsEntry("status", "SIGNED");
        awaitEventsConsumed();
        AssignmentDocument stored = store.find(accepted.appealId()).block(STORE);
        assertThat(stored.version()).isEqualTo(3);
        assertThat(stored.status()).isEqualTo(AppealStatus.SIGNED);
        assertThat(kafka.readAll(Duration.ofSeconds(2), r -> accepted.appealId().equals(r.key())
                && r.event() instanceof AppealSigned, Topics.EVENTS))
                .extracting(r -> r.event().eventId()).containsOnly(signed.eventId()).hasSize(1);
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
        awaitEventsConsumed();

        Map<String, Object> item = queueItem("JD-GHZY", accepted.appealId());
        assertThat(item).containsEntry("status", "REOPENED").containsEntry("role", "LEAD")
                .containsEntry("nextDeadline", reopenedClocks.signBy().toString());
        assertThat(store.find(accepted.appealId()).block(STORE).version()).isEqualTo(6);

        assertThat(signed("JD-GHZY", accepted.appealId(), null)).containsEntry("status", "SIGNED");
        AppealSigned signedAgain = (AppealSigned) kafka.awaitFirst(WAIT, r -> accepted.appealId().equals(r.key())
                && r.event() instanceof AppealSigned s && s.version() == 7, Topics.EVENTS).orElseThrow().event();
        assertThat(signedAgain.department()).isEqualTo("JD-GHZY");
    }

    @Test
    void triageUnitDecidesTheLeadOfAnUnclassifiedAppeal() {
        AppealAccepted accepted = accepted(null, "ST-WG");
        kafka.publish(accepted, INTAKE);

        AppealSentToTriage toTriage = (AppealSentToTriage) kafka.awaitFirst(WAIT,
                r -> accepted.appealId().equals(r.key()) && r.event() instanceof AppealSentToTriage, Topics.EVENTS)
                .orElseThrow().event();
        assertThat(toTriage.department()).isEqualTo("JD-JW");
        assertThat(queueItem("JD-JW", accepted.appealId())).containsEntry("status", "TRIAGE")
                .containsEntry("role", "TRIAGE");
        problem(http.post().uri("/api/v1/departments/JD-JW/queue/{id}/sign", accepted.appealId()).exchange(), 409)
                .jsonPath("$.currentStatus").isEqualTo("TRIAGE")
                .jsonPath("$.detail").value(d -> assertThat((String) d).contains("TRIAGE"));

        triage(accepted.appealId(), "{\"lead\":\"JD-KW\",\"coHandlers\":[\"ST-ML\",\"JD-KW\"],"
                + "\"reason\":\"研发费用加计扣除属科技创新\"}")
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("ASSIGNED")
                .jsonPath("$.leadDepartment").isEqualTo("JD-KW")
                .jsonPath("$.coHandlers[0]").isEqualTo("ST-ML")
                .jsonPath("$.decidedBy").isEqualTo("triage:triager");

        AppealAssigned assigned = (AppealAssigned) kafka.awaitFirst(WAIT, r -> accepted.appealId().equals(r.key())
                && r.event() instanceof AppealAssigned, Topics.EVENTS).orElseThrow().event();
        assertThat(assigned.version()).isEqualTo(3);
        assertThat(assigned.department()).isEqualTo("JD-KW");
        assertThat(assigned.coHandlers()).containsExactly("ST-ML");
        assertThat(assigned.decidedBy()).isEqualTo("triage:triager");
        assertThat(assigned.reason()).isEqualTo("研发费用加计扣除属科技创新");
        assertThat(queueItem("JD-KW", accepted.appealId())).containsEntry("role", "LEAD");
        assertThat(queueItem("ST-ML", accepted.appealId())).containsEntry("role", "CO_HANDLER");
        assertThat(queue("JD-JW", "")).noneMatch(i -> accepted.appealId().equals(i.get("id")));

        problem(triage(accepted.appealId(), "{\"lead\":\"JD-SWW\",\"reason\":\"again\"}"), 409)
                .jsonPath("$.currentStatus").isEqualTo("ASSIGNED")
                .jsonPath("$.appealStatus").doesNotExist();
    }

    @Test
    void poisonMessageIsDeadLetteredAtOnceAndCanBeReplayedOnce() {
        String appealId = id();
        String eventId = id();
        String payload = "{\"eventId\": not json";
        kafka.publish(new EventEnvelope(appealId, Topics.EVENTS, Map.of(CloudEventHeaders.TYPE, AppealAccepted.TYPE,
                CloudEventHeaders.ID, eventId, CloudEventHeaders.SUBJECT, appealId),
                payload.getBytes(StandardCharsets.UTF_8)));

        Map<String, Object> letter = await().atMost(WAIT).until(() -> deadLetters(appealId), l -> !l.isEmpty()).get(0);
        assertThat(letter).containsEntry("originalTopic", Topics.EVENTS).containsEntry("type", AppealAccepted.TYPE)
                .containsEntry("eventId", eventId).containsEntry("subject", appealId)
                .containsEntry("payload", payload).containsEntry("replayedAt", null);
        assertThat((String) letter.get("error")).contains("Malformed");
        String letterId = (String) letter.get("id");
        http.get().uri("/api/v1/ops/dead-letters/{id}", letterId).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.key").isEqualTo(appealId).jsonPath("$.error").exists();
        assertThat(store.find(appealId).blockOptional(STORE)).isEmpty();

        http.post().uri("/api/v1/ops/dead-letters/{id}/replay", letterId).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.replayed").isEqualTo(true).jsonPath("$.replayedAt").exists();
        http.post().uri("/api/v1/ops/dead-letters/{id}/replay", letterId).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.replayed").isEqualTo(false);

        // The replayed record went back to appeals.events, still unreadable: dead-lettered once more, not routed.
        await().atMost(WAIT).until(() -> deadLetters(appealId), l -> l.size() == 2);
        assertThat(store.find(appealId).blockOptional(STORE)).isEmpty();
        problem(http.get().uri("/api/v1/ops/dead-letters/0-999999999").exchange(), 404);
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
    void aClerkWorksOnlyTheirOwnDepartmentsQueueAndOnlyTheTriagerTriages() {
        AppealAccepted accepted = accepted("ENVIRONMENT", "ST-XCL");
        kafka.publish(accepted, INTAKE);
        queueItem("JD-STHJ", accepted.appealId());
        WebTestClient otherClerk = Credentials.as(anonymous, "clerk-JD-CZ");

        problem(otherClerk.get().uri("/api/v1/departments/JD-STHJ/queue").exchange(), 403);
        problem(otherClerk.post().uri("/api/v1/departments/JD-STHJ/queue/{id}/sign", accepted.appealId())
                .exchange(), 403);
        problem(otherClerk.post().uri("/api/v1/departments/JD-CZ/queue/{id}/sign", accepted.appealId())
                .exchange(), 404);
        problem(Credentials.as(anonymous, "supervisor").post()
                .uri("/api/v1/departments/JD-STHJ/queue/{id}/sign", accepted.appealId()).exchange(), 403);
        problem(Credentials.as(anonymous, "clerk-JD-JW").post().uri("/api/v1/triage/{id}/assignment",
                accepted.appealId()).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"lead\":\"JD-KW\",\"reason\":\"属科技\"}").exchange(), 403);
        problem(anonymous.get().uri("/api/v1/departments/JD-STHJ/queue").exchange(), 401);
        Credentials.as(anonymous, "supervisor").get().uri("/api/v1/departments/JD-STHJ/queue").exchange()
                .expectStatus().isOk();

        Map<String, Object> signedItem = Credentials.as(anonymous, "clerk-JD-STHJ").post()
                .uri("/api/v1/departments/JD-STHJ/queue/{id}/sign", accepted.appealId()).exchange()
                .expectStatus().isOk().expectBody(MAP).returnResult().getResponseBody();
        assertThat(signedItem).containsEntry("status", "SIGNED");
        assertThat(((Map<?, ?>) signedItem.get("enterprise")).get("phone")).asString().contains("****");
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
                .jsonPath("$.paths['/api/v1/triage/{id}/assignment']").exists()
                .jsonPath("$.paths['/api/v1/ops/dead-letters']").exists();
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

    private Map<String, Object> page(String unit, String query) {
        return http.get().uri("/api/v1/departments/" + unit + "/queue" + (query.isEmpty() ? "" : "?" + query))
                .exchange().expectStatus().isOk().expectBody(MAP).returnResult().getResponseBody();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> items(Map<String, Object> page) {
        return (List<Map<String, Object>>) page.get("items");
    }

    /** The unit's queue, as much as one page holds (every scenario here stays well below that). */
    private List<Map<String, Object>> queue(String unit, String query) {
        return items(page(unit, "size=100" + (query.isEmpty() ? "" : "&" + query)));
    }

    private Map<String, Object> queueItem(String unit, String appealId) {
        return await().atMost(WAIT).until(() -> queue(unit, "").stream()
                .filter(i -> appealId.equals(i.get("id"))).findFirst().orElse(null), item -> item != null);
    }

    /** This service's dead letters of one appeal, oldest first. */
    private List<Map<String, Object>> deadLetters(String appealId) {
        return items(http.get().uri("/api/v1/ops/dead-letters?size=100").exchange().expectStatus().isOk()
                .expectBody(MAP).returnResult().getResponseBody()).stream()
                .filter(l -> appealId.equals(l.get("key"))).toList();
    }

    /** Every event of the appeal on the topic other than its acceptance. */
    private List<Received> routingEvents(String appealId) {
        return kafka.readAll(Duration.ofSeconds(2), r -> appealId.equals(r.key()) && r.event() != null
                && !(r.event() instanceof AppealAccepted), Topics.EVENTS);
    }

    private AssignmentDocument awaitOutboxEmpty(String appealId) {
        return await().atMost(WAIT).until(() -> store.find(appealId).block(STORE),
                d -> d != null && d.outbox().isEmpty());
    }

    /** Waits until dispatch's consumer group has read every record on appeals.events. */
    private void awaitEventsConsumed() {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.start().kafkaBootstrapServers());
        try (Admin admin = Admin.create(props)) {
            await().atMost(WAIT).until(() -> {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets("dispatch-service")
                        .partitionsToOffsetAndMetadata().get();
                Map<TopicPartition, OffsetSpec> latest = admin.describeTopics(List.of(Topics.EVENTS))
                        .allTopicNames().get().get(Topics.EVENTS).partitions().stream()
                        .collect(Collectors.toMap(p -> new TopicPartition(Topics.EVENTS, p.partition()),
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

    private AppealAssigned assignedOf(AppealAccepted accepted) {
        return (AppealAssigned) kafka.awaitFirst(WAIT, r -> accepted.appealId().equals(r.key())
                && r.event() instanceof AppealAssigned, Topics.EVENTS).orElseThrow().event();
    }

    private static AppealAccepted repeatOf(AppealAccepted a, String repeated) {
        return new AppealAccepted(a.eventId(), a.appeal(), a.version(), a.occurredAt(), a.actor(), a.enterprise(),
                a.street(), a.title(), a.content(), a.category(), a.urgency(), a.deadlines(), a.keyEnterprise(), null,
                repeated);
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
                new Deadlines(at, at.plus(1, ChronoUnit.HOURS), at.plus(5, ChronoUnit.DAYS)), null);
    }
}
