package gov.appeals.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import gov.appeals.events.AppealAccepted;
import gov.appeals.events.AppealAssigned;
import gov.appeals.events.AppealRated;
import gov.appeals.events.AppealRef;
import gov.appeals.events.Rating;
import gov.appeals.events.Topics;
import gov.appeals.testsupport.Credentials;
import gov.appeals.testsupport.KafkaTestClient;
import gov.appeals.testsupport.TestInfrastructure;
import gov.appeals.testsupport.TestIssuer;
import tools.jackson.databind.JsonNode;

/**
 * A callback 12345 did not take within the retry window: parked in the dead-letter topic, listed for the operator,
 * and called back once when the operator replays it after 12345 is back.
 *
 * <p>What it proves: a callback still unconfirmed when {@code appeals.messaging.retry-for} runs out is parked, not
 * lost and not sent; the operator finds it in {@code GET /api/v1/ops/dead-letters} with why it was parked; replaying
 * the appeal's parked callbacks oldest first ({@code POST /api/v1/ops/dead-letters/{id}/replay}) calls 12345 back
 * with each exactly once, in the order of the appeal's stages, and the appeal's later stages reach 12345 after them;
 * a second replay sends nothing.
 *
 * <p>Its own application context, because it needs a short retry window (1 s of pauses instead of 24 h): under its own
 * application name, so with consumer groups and a dead-letter topic of its own (the shared context of
 * {@link RunningServiceTest}, in the groups of {@code notification-service}, would otherwise take some of the
 * partitions and retry for a day), starting at the end of {@code appeals.events} (the earlier test classes' events
 * are not its business), with a 12345 stand-in of its own and SMS and e-mail switched off. Closed after the class.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.application.name=notification-service-parking",
        "spring.cloud.stream.kafka.default.consumer.start-offset=latest",
        "appeals.messaging.retry-for=1s",
        "appeals.messaging.retry-initial=50ms",
        "appeals.messaging.retry-max=200ms",
        "appeals.messaging.retry-jitter=20ms",
        "appeals.sms.enabled=false",
        "appeals.mail.enabled=false"})
@AutoConfigureWebTestClient(timeout = "30s")
@DirtiesContext
class ParkedCallbackReplayTest {

    private static final String INTAKE = "/appeals/appeal-intake";
    private static final String GROUP = "notification-service-parking";
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    static final HotlineStub hotline = HotlineStub.start();
    static final KafkaTestClient kafka = KafkaTestClient.forTestInfrastructure();

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "notification-parking");
        registry.add("appeals.hotline.callback-url", hotline::url);
        registry.add("appeals.hotline.callback-key", () -> "test-callbacks:test-callback-secret");
        TestIssuer.register(registry);
    }

    @Autowired
    WebTestClient anonymous;

    /** Dead letters read and replayed by the operator, deliveries by the supervisor (Credentials.natural). */
    WebTestClient web;

    /**
     * Its consumers start at the end of the topic: an event published before they have their partitions would be
     * missed. Spring Kafka commits the position of a partition it is given, so a committed offset for every partition
     * the group holds means every later event is read.
     */
    @BeforeEach
    void consumersHoldEveryPartition() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.start().kafkaBootstrapServers()))) {
            await().atMost(PATIENCE).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
                ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(GROUP)).all()
                        .get(10, TimeUnit.SECONDS).get(GROUP);
                assertThat(group.groupState()).isEqualTo(GroupState.STABLE);
                List<TopicPartition> held = group.members().stream()
                        .map(MemberDescription::assignment)
                        .flatMap(assignment -> assignment.topicPartitions().stream()).toList();
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(GROUP)
                        .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
                assertThat(held).isNotEmpty();
                assertThat(committed).containsKeys(held.toArray(TopicPartition[]::new));
            });
        }
    }

    @BeforeEach
    void credentials() {
        web = Credentials.natural(anonymous);
    }

    @AfterEach
    void hotlineIsBack() {
        hotline.up();
    }

    @Test
    void callsBackAParkedStageOnceWhenTheOperatorReplaysItAndTheAppealsLaterStagesAfterIt() {
        StagesWhileDown stages = StagesWhileDown.publish(hotline, kafka);
        AppealRef appeal = stages.appeal();
        AppealAccepted accepted = stages.accepted();
        AppealAssigned assigned = stages.assigned();
        AppealRated rated = stages.rated();

        // Each is tried for the retry window, then parked; the assignment waits behind the acceptance meanwhile.
        await().atMost(PATIENCE).until(() -> deadLettersOf(accepted.eventId()).size() == 1
                && deadLettersOf(assigned.eventId()).size() == 1);
        List<RecordingStub.Request> attempts = hotline.callbacksFor(appeal.appealId());
        assertThat(attempts).as("tried again and again, never taken").hasSizeGreaterThan(2)
                .allSatisfy(attempt -> assertThat(attempt.status()).isEqualTo(503));
        List<String> tried = attempts.stream().map(RecordingStub.Request::eventId).toList();
        int firstAssignment = tried.indexOf(assigned.eventId());
        assertThat(tried.subList(0, Math.max(firstAssignment, 0))).as("the acceptance first, until it was parked")
                .isNotEmpty().containsOnly(accepted.eventId());
        assertThat(tried.subList(firstAssignment, tried.size())).as("then the assignment").isNotEmpty()
                .containsOnly(assigned.eventId());
        stages.noneDelivered(web);
        JsonNode acceptance = deadLettersOf(accepted.eventId()).get(0);
        JsonNode assignment = deadLettersOf(assigned.eventId()).get(0);
        assertThat(acceptance.path("originalTopic").asString()).isEqualTo(Topics.EVENTS);
        assertThat(acceptance.path("subject").asString()).isEqualTo(appeal.appealId());
        assertThat(acceptance.path("error").asString()).contains("HTTP 503");
        assertThat(acceptance.path("replayedAt").isNull()).isTrue();
        int triedBeforeReplay = attempts.size();

        hotline.up();
        // Oldest first, as the operator finds them listed.
        for (JsonNode letter : List.of(acceptance, assignment)) {
            web.post().uri("/api/v1/ops/dead-letters/{id}/replay", letter.path("id").asString())
                    .exchange()
                    .expectStatus().isOk()
                    .expectBody()
                    .jsonPath("$.replayed").isEqualTo(true);
        }
        kafka.publish(rated, INTAKE);

        // The rating comes after both replays on the appeal's partition: once it is confirmed, all three were handled.
        await().atMost(PATIENCE).until(() -> hotline.confirmedFor(appeal.appealId()).size() >= 3);
        assertThat(hotline.callbacksFor(appeal.appealId()).subList(triedBeforeReplay,
                hotline.callbacksFor(appeal.appealId()).size()))
                .as("after the replay: each stage once, in order, each taken")
                .extracting(RecordingStub.Request::eventId, RecordingStub.Request::status)
                .containsExactly(tuple(accepted.eventId(), 200),
                        tuple(assigned.eventId(), 200),
                        tuple(rated.eventId(), 200));
        stages.allDelivered(web);
        assertThat(deadLettersOf(accepted.eventId())).as("listed as replayed, not parked again").singleElement()
                .satisfies(letter -> assertThat(letter.path("replayedAt").isNull()).isFalse());

        // A second replay publishes nothing: once the next stage is through, still one callback of each.
        web.post().uri("/api/v1/ops/dead-letters/{id}/replay", acceptance.path("id").asString())
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.replayed").isEqualTo(false);
        AppealRated again = new AppealRated(UUID.randomUUID().toString(), appeal, 6, Events.NOW.plusSeconds(7200),
                "hotline", Rating.SATISFIED, true, "已恢复供电");
        kafka.publish(again, INTAKE);
        await().atMost(PATIENCE).until(() -> hotline.confirmedFor(appeal.appealId()).size() >= 4);
        assertThat(hotline.confirmedFor(appeal.appealId())).extracting(RecordingStub.Request::eventId)
                .containsExactly(accepted.eventId(), assigned.eventId(), rated.eventId(), again.eventId());
    }

    private List<JsonNode> deadLettersOf(String eventId) {
        return DeadLetters.of(web, eventId);
    }
}
