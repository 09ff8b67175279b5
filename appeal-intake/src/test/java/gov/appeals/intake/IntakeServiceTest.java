package gov.appeals.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import gov.appeals.events.AnswerResult;
import gov.appeals.events.AppealAccepted;
import gov.appeals.events.AppealAssigned;
import gov.appeals.events.AppealNotified;
import gov.appeals.events.AppealClosed;
import gov.appeals.events.AppealDueSoon;
import gov.appeals.events.AppealEvent;
import gov.appeals.events.AppealOverdue;
import gov.appeals.events.AppealRated;
import gov.appeals.events.AppealRef;
import gov.appeals.events.AppealReopened;
import gov.appeals.events.AppealResponded;
import gov.appeals.events.AppealSigned;
import gov.appeals.events.AppealStatus;
import gov.appeals.events.ClockKind;
import gov.appeals.events.CloudEventHeaders;
import gov.appeals.events.Deadlines;
import gov.appeals.events.Enterprise;
import gov.appeals.events.EventEnvelope;
import gov.appeals.events.ExtensionDecided;
import gov.appeals.events.Rating;
import gov.appeals.events.Source;
import gov.appeals.events.SupervisionOrderRaised;
import gov.appeals.events.Topics;
import gov.appeals.events.Urgency;
import gov.appeals.intake.appeal.Stages;
import gov.appeals.intake.appeal.store.AppealDocument;
import gov.appeals.intake.appeal.store.Outbox;
import gov.appeals.testsupport.Credentials;
import gov.appeals.testsupport.KafkaTestClient;
import gov.appeals.testsupport.TestInfrastructure;

/** Acceptance, the status view and ratings, seen from outside: HTTP in and out, Kafka in and out. */
class IntakeServiceTest extends ServiceTestSupport {

    private static final String GROUP = "appeal-intake";
    private static final String DISPATCH = "/appeals/dispatch-service";
    private static final String FEEDBACK = "/appeals/feedback-service";
    private static final String NOTIFICATION = "/appeals/notification-service";
    private static final Duration KAFKA_WAIT = Duration.ofSeconds(30);

    @Autowired
    ReactiveMongoTemplate mongo;

    private static KafkaTestClient kafka;
    private static Admin admin;

    @BeforeAll
    static void clients() {
        kafka = KafkaTestClient.forTestInfrastructure();
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.start().kafkaBootstrapServers());
        admin = Admin.create(props);
    }

    @AfterAll
    static void close() {
        admin.close();
    }

    @Test
    void deadLettersAnEventItCannotReadAndReplaysItOnceThroughTheOperatorApi() {
        String id = UUID.randomUUID().toString();
        kafka.publish(new EventEnvelope(id, Topics.EVENTS, Map.of(
                CloudEventHeaders.ID, UUID.randomUUID().toString(),
                CloudEventHeaders.TYPE, AppealAssigned.TYPE,
                CloudEventHeaders.SUBJECT, id,
                CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON), "{not json".getBytes()));

        var dead = kafka.awaitFirst(KAFKA_WAIT, r -> id.equals(r.key()), "appeals.appeal-intake.dlq").orElseThrow();
        assertThat(dead.header("appeals-error")).contains("Unreadable " + AppealAssigned.TYPE);
        assertThat(dead.header("kafka_dlt-original-topic")).isEqualTo(Topics.EVENTS);

        WebTestClient operator = Credentials.as(anonymous, "operator");
        Map<String, Object> letter = await().atMost(KAFKA_WAIT).until(() -> list(operator.get()
                        .uri("/api/v1/ops/dead-letters?size=100").exchange().expectStatus().isOk().expectBody(MAP)
                        .returnResult().getResponseBody().get("items")).stream()
                .filter(l -> id.equals(l.get("key"))).findFirst().orElse(null), java.util.Objects::nonNull);
        assertThat(letter).containsEntry("type", AppealAssigned.TYPE).containsEntry("originalTopic", Topics.EVENTS)
                .containsEntry("payload", "{not json").containsEntry("replayedAt", null);
        assertThat((String) letter.get("error")).contains("Unreadable");
        String letterId = (String) letter.get("id");

        operator.post().uri("/api/v1/ops/dead-letters/{id}/replay", letterId).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.replayed").isEqualTo(true);
        operator.post().uri("/api/v1/ops/dead-letters/{id}/replay", letterId).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.replayed").isEqualTo(false);
        // Replayed once onto the topic, where it fails again and is dead-lettered again: two letters, one replay.
        await().atMost(KAFKA_WAIT).untilAsserted(() -> assertThat(kafka.readAll(Duration.ofSeconds(1),
                r -> id.equals(r.key()), Topics.EVENTS)).hasSize(2));
        operator.get().uri("/api/v1/ops/dead-letters/{id}", letterId).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.replayedAt").isNotEmpty();
        operator.get().uri("/api/v1/ops/dead-letters/0-999999999").exchange().expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void acceptsAnAppealAndAnnouncesItOnTheEventsTopic() {
        Map<String, Object> body = appeal("HOTLINE_12345", nextExternalId());
        var accepted = http.post().uri("/api/v1/appeals").contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange()
                .expectStatus().isCreated()
                .expectHeader().valueMatches("Location", "/api/v1/appeals/[0-9a-f-]{36}")
                .expectBody(MAP).returnResult().getResponseBody();
        String id = (String) accepted.get("id");
        assertThat(accepted.get("number").toString()).matches("QS-\\d{8}-\\d{6}");
        assertThat(accepted.get("status")).isEqualTo("ACCEPTED");

        var received = kafka.awaitFirst(KAFKA_WAIT, r -> id.equals(r.key()) && r.event() instanceof AppealAccepted,
                Topics.EVENTS).orElseThrow();
        assertThat(received.header(CloudEventHeaders.TYPE)).isEqualTo(AppealAccepted.TYPE);
        assertThat(received.header(CloudEventHeaders.SOURCE)).isEqualTo("/appeals/appeal-intake");
        assertThat(received.header(CloudEventHeaders.SUBJECT)).isEqualTo(id);
        assertThat(received.header(CloudEventHeaders.SPEC_VERSION)).isEqualTo("1.0");
        AppealAccepted event = (AppealAccepted) received.event();
        assertThat(received.header(CloudEventHeaders.ID)).isEqualTo(event.eventId());
        assertThat(event.appeal()).isEqualTo(new AppealRef(id, (String) accepted.get("number"), Source.HOTLINE_12345,
                (String) body.get("externalId")));
        assertThat(event.version()).isEqualTo(1);
        assertThat(event.actor()).isEqualTo("hotline");
        assertThat(event.category()).isEqualTo("FINANCING");
        assertThat(event.urgency()).isEqualTo(Urgency.NORMAL);
        assertThat(event.enterprise().phone()).isEqualTo("13078106871");
        assertThat(event.deadlines().answerBy()).isAfter(event.deadlines().signBy());

        var view = get(id);
        assertThat(view).containsEntry("status", "ACCEPTED").containsEntry("category", "FINANCING")
                .containsEntry("urgency", "NORMAL").containsEntry("version", 1).containsEntry("street", "ST-ML");
        assertThat(map(view.get("enterprise"))).containsEntry("phone", "130****6871")
                .containsEntry("creditCode", "91310114CL12TH3B1T");
        assertThat(map(view.get("deadlines"))).containsEntry("answerBy", event.deadlines().answerBy().toString());
        assertThat(timeline(view)).extracting(t -> t.get("status"), t -> t.get("actor"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("RECEIVED", "hotline"),
                        org.assertj.core.groups.Tuple.tuple("ACCEPTED", "hotline"));
        assertThat(view.get("answer")).isNull();
        assertThat(view.get("rating")).isNull();
        await().atMost(KAFKA_WAIT).until(() -> mongo.findById(id, AppealDocument.class).block(KAFKA_WAIT).outbox().isEmpty());
    }

    @Test
    void answersARepeatedSubmissionWithTheSameAppealAndPublishesNothingNew() {
        Map<String, Object> body = appeal("ONLINE_PORTAL", nextExternalId());
        var first = post(body).expectStatus().isCreated().expectBody(MAP).returnResult().getResponseBody();
        var again = post(body).expectStatus().isOk().expectHeader().doesNotExist("Location")
                .expectBody(MAP).returnResult().getResponseBody();
        assertThat(again).isEqualTo(first);

        var byExternalId = source("ONLINE_PORTAL").get().uri(u -> u.path("/api/v1/appeals")
                        .queryParam("source", "ONLINE_PORTAL")
                        .queryParam("externalId", body.get("externalId")).build())
                .exchange().expectStatus().isOk().expectBody(MAP).returnResult().getResponseBody();
        assertThat(byExternalId).containsEntry("id", first.get("id"));
        assertThat(timeline(byExternalId)).extracting(t -> t.get("actor")).containsOnly("portal");

        kafka.awaitFirst(KAFKA_WAIT, r -> first.get("id").equals(r.key()), Topics.EVENTS).orElseThrow();
        assertThat(kafka.readAll(Duration.ofSeconds(3), r -> first.get("id").equals(r.key()), Topics.EVENTS))
                .hasSize(1);
    }

    @Test
    void appliesAnAssignmentDeliveredTwiceOnlyOnce() {
        String id = acceptedAppealId();
        AppealRef ref = ref(id);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Deadlines deadlines = new Deadlines(now.plus(Duration.ofDays(1)), now.plus(Duration.ofDays(1)),
                now.plus(Duration.ofDays(7)));
        AppealAssigned assigned = new AppealAssigned(UUID.randomUUID().toString(), ref, 2, now, "system:dispatch-service",
                "JD-SCJG", List.of("JD-SWJ"), "REGISTRATION", "rule:category:REGISTRATION", "经营范围变更属市场监管",
                deadlines);
        kafka.publish(new AppealAssigned(UUID.randomUUID().toString(), ref(UUID.randomUUID().toString()), 2, now,
                "system:dispatch-service", "JD-JW", List.of(), null, "rule:x", null, null), DISPATCH);
        kafka.publish(assigned, DISPATCH);
        kafka.publish(assigned, DISPATCH);
        awaitConsumed(Topics.EVENTS);

        var view = get(id);
        assertThat(view).containsEntry("status", "ASSIGNED").containsEntry("leadDepartment", "JD-SCJG")
                .containsEntry("category", "REGISTRATION").containsEntry("version", 2);
        assertThat(view.get("coHandlers")).isEqualTo(List.of("JD-SWJ"));
        assertThat(map(view.get("deadlines"))).containsEntry("answerBy", deadlines.answerBy().toString());
        var assignedEntries = timeline(view).stream().filter(t -> "ASSIGNED".equals(t.get("status"))).toList();
        assertThat(assignedEntries).hasSize(1);
        assertThat(assignedEntries.get(0)).containsEntry("department", "JD-SCJG")
                .containsEntry("actor", "system:dispatch-service");
        assertThat((String) assignedEntries.get(0).get("note"))
                .startsWith("assigned to JD-SCJG by rule:category:REGISTRATION with co-handlers JD-SWJ: 经营范围变更属市场监管");
    }

    @Test
    void showsOnTheTimelineWhat12345AndTheEnterprisesContactWereToldAndLeavesTheStatusAlone() {
        String id = acceptedAppealId();
        AppealRef ref = ref(id);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        kafka.publish(new AppealNotified(UUID.randomUUID().toString(), ref, 1, now, "system:notification-service",
                AppealStatus.ACCEPTED, UUID.randomUUID().toString(), "CALLBACK", "12345", "已受理", "SENT", "HTTP 200"),
                NOTIFICATION);
        kafka.publish(new AppealNotified(UUID.randomUUID().toString(), ref, 1, now.plusSeconds(1),
                "system:notification-service", AppealStatus.ACCEPTED, UUID.randomUUID().toString(), "SMS",
                "130****6871", "accepted", "SUPPRESSED", "SMS off for this enterprise"), NOTIFICATION);

        await().atMost(KAFKA_WAIT).untilAsserted(() -> assertThat(timeline(get(id)))
                .extracting(t -> t.get("note"))
                .contains("12345 told of 已受理: sent (HTTP 200)",
                        "SMS accepted to 130****6871: suppressed (SMS off for this enterprise)"));
        assertThat(get(id)).containsEntry("status", "ACCEPTED").containsEntry("version", 1);
        // The hotline, speaking for the enterprise, sees it too: it is no staff's business.
        assertThat(timeline(http.get().uri("/api/v1/appeals/{id}", id).exchange().expectStatus().isOk()
                .expectBody(MAP).returnResult().getResponseBody())).extracting(t -> t.get("note"))
                .contains("12345 told of 已受理: sent (HTTP 200)");
    }

    @Test
    void showsTheClocksDueSoonAndOverdueOnTheCurrentStageAndTheDeadlineAnApprovedExtensionMoved() {
        String id = acceptedAppealId();
        Instant t = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Deadlines clocks = new Deadlines(t.plus(Duration.ofHours(1)), null, t.plus(Duration.ofDays(5)));
        Deadlines extended = new Deadlines(clocks.signBy(), null, t.plus(Duration.ofDays(12)));
        kafka.publish(new AppealAssigned(UUID.randomUUID().toString(), ref(id), 2, t, "system:dispatch-service",
                "JD-SCJG", List.of(), "REGISTRATION", "rule:category:REGISTRATION", "属登记", clocks), DISPATCH);
        kafka.publish(new AppealOverdue(UUID.randomUUID().toString(), ref(id), 2, t.plusSeconds(1),
                "system:feedback-service", "JD-SCJG", AppealStatus.ASSIGNED, ClockKind.SIGN_FOR, clocks.signBy()),
                FEEDBACK);
        kafka.publish(new AppealDueSoon(UUID.randomUUID().toString(), ref(id), 2, t.plusSeconds(2),
                "system:feedback-service", "JD-SCJG", AppealStatus.ASSIGNED, ClockKind.ANSWER, clocks.answerBy()),
                FEEDBACK);
        kafka.publish(new SupervisionOrderRaised(UUID.randomUUID().toString(), ref(id), 2, t.plusSeconds(2),
                "system:feedback-service", "JD-SCJG", AppealStatus.ASSIGNED, "o-1",
                SupervisionOrderRaised.Trigger.OVERDUE, "超期", t.plus(Duration.ofDays(3)), null), FEEDBACK);
        kafka.publish(new ExtensionDecided(UUID.randomUUID().toString(), ref(id), 2, t.plusSeconds(3),
                "supervisor:s", "JD-SCJG", AppealStatus.ASSIGNED, "x-1", true, "同意", extended), FEEDBACK);

        await().atMost(KAFKA_WAIT).untilAsserted(() -> assertThat(timeline(get(id))).hasSize(7));
        var view = get(id);
        assertThat(view).containsEntry("status", "ASSIGNED").containsEntry("version", 2);
        assertThat(map(view.get("deadlines"))).containsEntry("answerBy", extended.answerBy().toString());
        // The answer's due-soon alarm was for the deadline the extension moved: only the sign-for alarm stands.
        assertThat((List<?>) view.get("alarms")).singleElement().satisfies(alarm -> assertThat(map(alarm))
                .containsEntry("clock", "SIGN_FOR").containsEntry("state", "OVERDUE"));
        assertThat(timeline(view)).extracting(e -> (String) e.get("note")).anyMatch(n -> n.contains("passed (超期)"))
                .anyMatch(n -> n.contains("is near (临期)")).anyMatch(n -> n.startsWith("extension approved"))
                .anyMatch(n -> n.startsWith("supervision order"));
        // 12345 reads what the enterprise is told: the supervision order is the district's own business.
        var hotlines = http.get().uri("/api/v1/appeals/{id}", id).exchange().expectStatus().isOk().expectBody(MAP)
                .returnResult().getResponseBody();
        assertThat(timeline(hotlines)).hasSize(6).extracting(e -> (String) e.get("note"))
                .noneMatch(n -> n.startsWith("supervision order"));
        assertThat((List<?>) hotlines.get("alarms")).hasSize(1);

        kafka.publish(new AppealSigned(UUID.randomUUID().toString(), ref(id), 3, t.plusSeconds(4), "staff:li",
                "JD-SCJG", false), DISPATCH);
        awaitStatus(id, "SIGNED");
        assertThat((List<?>) get(id).get("alarms")).as("signing stopped the clock").isEmpty();
    }

    @Test
    void endsWithTheRightViewWhenAnOlderEventArrivesLate() {
        String id = acceptedAppealId();
        Instant assignedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        kafka.publish(new AppealSigned(UUID.randomUUID().toString(), ref(id), 3, assignedAt.plusSeconds(60),
                "staff:li", "JD-JW", true), DISPATCH);
        awaitStatus(id, "SIGNED");
        kafka.publish(new AppealAssigned(UUID.randomUUID().toString(), ref(id), 2, assignedAt,
                "system:dispatch-service", "JD-JW", List.of(), null, "rule:category:FINANCING", null, null), DISPATCH);

        await().atMost(KAFKA_WAIT).untilAsserted(() -> assertThat(timeline(get(id)))
                .extracting(t -> t.get("status")).containsExactly("RECEIVED", "ACCEPTED", "ASSIGNED", "SIGNED"));
        // The status stays with the newest stage; the lead department comes from the assignment however late.
        assertThat(get(id)).containsEntry("status", "SIGNED").containsEntry("version", 3)
                .containsEntry("leadDepartment", "JD-JW");
    }

    @Test
    void endsWithTheViewOfTheNewestStageWhenAWholeHistoryArrivesBackwards() {
        String id = acceptedAppealId();
        Instant t = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Deadlines reopened = new Deadlines(t.plus(Duration.ofDays(1)), null, t.plus(Duration.ofDays(3)));
        List<AppealEvent> history = List.of(
                new AppealAssigned(UUID.randomUUID().toString(), ref(id), 2, t.plusSeconds(1), "system:dispatch-service",
                        "JD-SCJG", List.of("JD-SWJ"), "REGISTRATION", "rule:category:REGISTRATION", "属登记", null),
                new AppealSigned(UUID.randomUUID().toString(), ref(id), 3, t.plusSeconds(2), "staff:li", "JD-SCJG",
                        true),
                new AppealResponded(UUID.randomUUID().toString(), ref(id), 4, t.plusSeconds(3), "staff:li", "JD-SCJG",
                        AnswerResult.RESOLVED, "已办结", true),
                new AppealRated(UUID.randomUUID().toString(), ref(id), 5, t.plusSeconds(4), "hotline",
                        Rating.DISSATISFIED, false, "未解决"),
                new AppealReopened(UUID.randomUUID().toString(), ref(id), 6, t.plusSeconds(5),
                        "system:feedback-service", "JD-SCJG", "enterprise dissatisfied", reopened));
        for (int i = history.size() - 1; i >= 0; i--) {
            kafka.publish(history.get(i), i == 0 || i == 1 ? DISPATCH : FEEDBACK);
        }

        await().atMost(KAFKA_WAIT).untilAsserted(() -> assertThat(timeline(get(id))).hasSize(7));
        var view = get(id);
        assertThat(view).containsEntry("status", "REOPENED").containsEntry("version", 6)
                .containsEntry("leadDepartment", "JD-SCJG").containsEntry("category", "REGISTRATION");
        assertThat(view.get("coHandlers")).isEqualTo(List.of("JD-SWJ"));
        assertThat(map(view.get("answer"))).containsEntry("text", "已办结");
        assertThat(map(view.get("rating"))).containsEntry("rating", "DISSATISFIED");
        assertThat(map(view.get("deadlines"))).containsEntry("answerBy", reopened.answerBy().toString());
        assertThat(timeline(view)).extracting(e -> e.get("status")).containsExactly("RECEIVED", "ACCEPTED",
                "ASSIGNED", "SIGNED", "RESPONDED", "RESPONDED", "REOPENED");
    }

    @Test
    void recordsARatingOnceAndLetsTheEnterpriseRateAgainAfterAReopening() {
        String id = acceptedAppealId();
        kafka.publish(new AppealResponded(UUID.randomUUID().toString(), ref(id), 2, Instant.now(), "staff:wang", "JD-JW",
                AnswerResult.RESOLVED, "已协调银行续贷", true), FEEDBACK);
        awaitStatus(id, "RESPONDED");
        assertThat(map(get(id).get("answer"))).containsEntry("result", "RESOLVED").containsEntry("text", "已协调银行续贷")
                .containsEntry("department", "JD-JW");

        Map<String, Object> dissatisfied = Map.of("rating", "DISSATISFIED", "resolved", false, "comment", "仍未放款");
        rate(id, dissatisfied).expectStatus().isAccepted().expectBody(MAP)
                .isEqualTo(Map.of("id", id, "status", "RESPONDED"));
        AppealRated rated = (AppealRated) kafka.awaitFirst(KAFKA_WAIT,
                r -> id.equals(r.key()) && r.event() instanceof AppealRated, Topics.EVENTS).orElseThrow().event();
        assertThat(rated.version()).isEqualTo(3);
        assertThat(rated.rating()).isEqualTo(Rating.DISSATISFIED);
        assertThat(rated.resolved()).isFalse();
        assertThat(rated.comment()).isEqualTo("仍未放款");
        assertThat(rated.actor()).isEqualTo("hotline");

        rate(id, dissatisfied).expectStatus().isAccepted();
        rate(id, Map.of("rating", "SATISFIED")).expectStatus().isEqualTo(HttpStatus.CONFLICT)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.currentStatus").isEqualTo("RESPONDED");
        assertThat(kafka.readAll(Duration.ofSeconds(3), r -> id.equals(r.key()) && r.event() instanceof AppealRated,
                Topics.EVENTS)).hasSize(1);
        assertThat(map(get(id).get("rating"))).containsEntry("rating", "DISSATISFIED").containsEntry("resolved", false);

        kafka.publish(new AppealReopened(UUID.randomUUID().toString(), ref(id), 4, Instant.now(),
                "system:feedback-service", "JD-JW", "enterprise dissatisfied", null), FEEDBACK);
        awaitStatus(id, "REOPENED");
        rate(id, Map.of("rating", "SATISFIED")).expectStatus().isEqualTo(HttpStatus.CONFLICT)
                .expectBody().jsonPath("$.currentStatus").isEqualTo("REOPENED")
                .jsonPath("$.detail").value(d -> assertThat(d.toString()).contains("REOPENED"));

        kafka.publish(new AppealResponded(UUID.randomUUID().toString(), ref(id), 5, Instant.now(), "staff:wang",
                "JD-JW", AnswerResult.RESOLVED, "已放款", true), FEEDBACK);
        awaitStatus(id, "RESPONDED");
        assertThat(get(id).get("rating")).isNull();
        rate(id, Map.of("rating", "SATISFIED", "resolved", true)).expectStatus().isAccepted();
        AppealRated second = (AppealRated) kafka.awaitFirst(KAFKA_WAIT, r -> id.equals(r.key())
                && r.event() instanceof AppealRated ar && ar.rating() == Rating.SATISFIED, Topics.EVENTS)
                .orElseThrow().event();
        assertThat(second.version()).isEqualTo(6);

        kafka.publish(new AppealClosed(UUID.randomUUID().toString(), ref(id), 7, Instant.now(),
                "system:feedback-service", "JD-JW", AppealClosed.ClosureReason.SATISFIED), FEEDBACK);
        awaitStatus(id, "CLOSED");
        assertThat(timeline(get(id))).extracting(e -> e.get("status")).containsExactly("RECEIVED", "ACCEPTED",
                "RESPONDED", "RESPONDED", "REOPENED", "RESPONDED", "RESPONDED", "CLOSED");
    }

    @Test
    void refusesARatingBeforeTheAppealWasAnswered() {
        String id = acceptedAppealId();
        rate(id, Map.of("rating", "SATISFIED")).expectStatus().isEqualTo(HttpStatus.CONFLICT)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.currentStatus").isEqualTo("ACCEPTED");
        rate(UUID.randomUUID().toString(), Map.of("rating", "SATISFIED")).expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        rate(id, Map.of("resolved", true, "comment", "好".repeat(501))).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[*].field").value(f -> assertThat(f).isEqualTo(List.of("rating", "comment")));
    }

    @Test
    void sweepsAnEventTheRelayLeftPendingOntoItsTopic() {
        String id = UUID.randomUUID().toString();
        Instant now = Instant.now();
        AppealAccepted stranded = new AppealAccepted(UUID.randomUUID().toString(),
                new AppealRef(id, "QS-20260101-000001", Source.ONLINE_PORTAL, nextExternalId()), 1, now, "portal",
                new Enterprise("上海云帆软件有限公司", "91310114H0QWX2EA8R", "吴先生", "13891354422"), "ST-WG", "标题",
                "内容", null, Urgency.NORMAL, new Deadlines(now, now, now), null);
        // As a crash between the insert and the relay would leave it: stored with its event still pending.
        mongo.insert(new AppealDocument(id, stranded.appeal().number(), Source.ONLINE_PORTAL,
                stranded.appeal().externalId(), AppealStatus.ACCEPTED, 1, null, Urgency.NORMAL, "ST-WG", "标题", "内容",
                stranded.enterprise(), null, List.of(), stranded.deadlines(), null, null,
                List.of(Stages.of(stranded, null)), List.of(Outbox.entry(stranded, now)), now, null, null, null, 0))
                .block(KAFKA_WAIT);

        var received = kafka.awaitFirst(KAFKA_WAIT, r -> id.equals(r.key()) && r.event() instanceof AppealAccepted,
                Topics.EVENTS).orElseThrow();
        assertThat(received.header(CloudEventHeaders.ID)).isEqualTo(stranded.eventId());
        await().atMost(KAFKA_WAIT).until(() -> mongo.findById(id, AppealDocument.class).block(KAFKA_WAIT).outbox().isEmpty());
    }

    // --- helpers ---------------------------------------------------------------------------------------------

    private final Map<String, AppealRef> refs = new HashMap<>();

    private String acceptedAppealId() {
        var body = post(appeal("HOTLINE_12345", nextExternalId())).expectStatus().isCreated().expectBody(MAP)
                .returnResult().getResponseBody();
        String id = (String) body.get("id");
        refs.put(id, new AppealRef(id, (String) body.get("number"), Source.HOTLINE_12345, "unused"));
        return id;
    }

    private AppealRef ref(String id) {
        return refs.getOrDefault(id, new AppealRef(id, "QS-20260101-999999", Source.HOTLINE_12345, "unknown"));
    }

    private WebTestClient.ResponseSpec rate(String id, Map<String, Object> body) {
        return http.post().uri("/api/v1/appeals/{id}/rating", id).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body).exchange();
    }

    private void awaitStatus(String id, String status) {
        await().atMost(KAFKA_WAIT).untilAsserted(() -> assertThat(get(id)).containsEntry("status", status));
    }

    /** Waits until the service's consumer group has committed every record on the topic: all were handled. */
    private static void awaitConsumed(String topic) {
        await().atMost(KAFKA_WAIT).pollInterval(Duration.ofMillis(200)).until(() -> {
            Map<TopicPartition, OffsetAndMetadata> committed =
                    admin.listConsumerGroupOffsets(GROUP).partitionsToOffsetAndMetadata().get();
            var partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            partitions.forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
            var ends = admin.listOffsets(latest).all().get();
            return ends.entrySet().stream().allMatch(e -> e.getValue().offset() == 0
                    || (committed.get(e.getKey()) != null && committed.get(e.getKey()).offset() >= e.getValue().offset()));
        });
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> timeline(Map<String, Object> view) {
        return (List<Map<String, Object>>) view.get("timeline");
    }
}
