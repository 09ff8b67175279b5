package gov.appeals.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;

import gov.appeals.events.AppealAccepted;
import gov.appeals.events.AppealAssigned;
import gov.appeals.events.AppealEvent;
import gov.appeals.events.AppealNotified;
import gov.appeals.events.AppealRated;
import gov.appeals.events.AppealRef;
import gov.appeals.events.AppealStatus;
import gov.appeals.events.EventEnvelope;
import gov.appeals.events.Rating;
import gov.appeals.events.Source;
import gov.appeals.events.Topics;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** Callbacks, the deliveries query and the HTTP surface, against the running service. */
class HotlineCallbackFlowTest extends RunningServiceTest {

    @Autowired
    JsonMapper json;

    record Probe(String text, boolean flag, Rating rating) {
    }

    @Test
    void callsBackTheHotlineWhenItsAppealIsAccepted() {
        AppealAccepted accepted = Events.accepted(Events.appeal(Source.HOTLINE_12345));

        kafka.publish(accepted, INTAKE);

        RecordingStub.Request callback = awaitCallbacks(accepted.appealId(), 1).get(0);
        assertThat(callback.header("Content-Type")).isEqualTo("application/json");
        assertThat(callback.header("X-Appeal-Event-Id")).isEqualTo(accepted.eventId());
        assertThat(callback.header("Upgrade")).as("plain HTTP/1.1, no h2c upgrade").isNull();
        assertThat(callback.text("eventId")).isEqualTo(accepted.eventId());
        assertThat(callback.text("type")).isEqualTo("gov.appeals.AppealAccepted.v1");
        assertThat(callback.text("externalId")).isEqualTo(accepted.appeal().externalId());
        assertThat(callback.text("number")).isEqualTo(accepted.appeal().number());
        assertThat(callback.text("status")).isEqualTo("ACCEPTED");
        assertThat(callback.text("stage")).isEqualTo("已受理");
        assertThat(callback.text("occurredAt")).isEqualTo("2026-03-02T01:30:00Z");
        assertThat(callback.body().path("version").asInt()).isEqualTo(1);
        assertThat(callback.body().path("detail").path("deadlines").path("answerBy").asString())
                .isEqualTo("2026-03-09T01:30:00Z");

        await().atMost(PATIENCE).untilAsserted(() -> web.get().uri("/api/v1/deliveries?appealId={id}", accepted.appealId())
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.length()").isEqualTo(1)
                .jsonPath("$[0].eventId").isEqualTo(accepted.eventId())
                .jsonPath("$[0].outcome").isEqualTo("DELIVERED")
                .jsonPath("$[0].status").isEqualTo("ACCEPTED")
                .jsonPath("$[0].externalId").isEqualTo(accepted.appeal().externalId())
                .jsonPath("$[0].url").isEqualTo(hotline.url())
                .jsonPath("$[0].httpStatus").isEqualTo(200));
    }

    @Test
    void callsBackOnceForAnEventDeliveredTwice() {
        AppealAccepted accepted = Events.accepted(Events.appeal(Source.HOTLINE_12345));
        kafka.publish(accepted, INTAKE);
        kafka.publish(accepted, INTAKE);
        // Same key, same partition: once the barrier is called back, both copies before it were consumed.
        AppealAccepted barrier = Events.accepted(Events.appeal(Source.HOTLINE_12345));
        EventEnvelope barrierEnvelope = EventEnvelope.of(barrier, INTAKE);
        kafka.publish(new EventEnvelope(accepted.appealId(), barrierEnvelope.topic(), barrierEnvelope.headers(),
                barrierEnvelope.payload()));

        awaitCallbacks(barrier.appealId(), 1);

        assertThat(hotline.callbacksFor(accepted.appealId())).hasSize(1);
        web.get().uri("/api/v1/deliveries?appealId={id}", accepted.appealId())
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.length()").isEqualTo(1)
                .jsonPath("$[0].eventId").isEqualTo(accepted.eventId());
    }

    @Test
    void tellsTheHotlineTheStageOfEveryEvent() {
        AppealRef appeal = Events.appeal(Source.HOTLINE_12345);
        AppealAssigned assigned = Events.assigned(appeal);
        AppealRated rated = Events.rated(appeal);

        kafka.publish(assigned, "/appeals/dispatch-service");
        kafka.publish(rated, "/appeals/appeal-intake");

        List<RecordingStub.Request> callbacks = awaitCallbacks(appeal.appealId(), 2);
        RecordingStub.Request assignment = byEvent(callbacks, assigned);
        assertThat(assignment.text("stage")).isEqualTo("已分派");
        assertThat(assignment.text("department")).isEqualTo("DEV_REFORM");
        assertThat(assignment.body().path("detail").path("leadDepartment").asString()).isEqualTo("DEV_REFORM");
        assertThat(assignment.body().path("detail").path("coHandlers").get(0).asString()).isEqualTo("ECONOMY");
        RecordingStub.Request rating = byEvent(callbacks, rated);
        assertThat(rating.text("stage")).isEqualTo("已评价");
        assertThat(rating.text("status")).isEqualTo("RESPONDED");
        assertThat(rating.body().path("detail").path("rating").asString()).isEqualTo("DISSATISFIED");
        assertThat(rating.body().path("detail").path("resolved").asBoolean(true)).isFalse();
    }

    @Test
    void namesTheLeadDepartmentInEveryLaterCallbackAndListsEachCallbackAmongTheAppealsNotifications() {
        AppealRef appeal = Events.appeal(Source.HOTLINE_12345);
        AppealAssigned assigned = new AppealAssigned(UUID.randomUUID().toString(), appeal, 2, Events.NOW,
                "system:dispatch-service", "JD-SWJ", List.of(), "TAX", "rule:category:TAX", "税费问题由区税务局主办",
                Events.DEADLINES);
        AppealRated rated = Events.rated(appeal);

        kafka.publish(assigned, "/appeals/dispatch-service");
        kafka.publish(rated, "/appeals/appeal-intake");

        List<RecordingStub.Request> callbacks = awaitCallbacks(appeal.appealId(), 2);
        for (RecordingStub.Request callback : callbacks) {
            assertThat(callback.text("leadDepartment")).isEqualTo("JD-SWJ");
            assertThat(callback.text("leadDepartmentName")).isEqualTo("区税务局");
            assertThat(callback.header("Idempotency-Key")).isEqualTo(callback.text("eventId"));
            assertThat(callback.header("ce-id")).isEqualTo(callback.text("eventId"));
            assertThat(callback.header("ce-type")).isEqualTo(callback.text("type"));
            assertThat(callback.header("ce-specversion")).isEqualTo("1.0");
        }

        await().atMost(PATIENCE).untilAsserted(() -> {
            List<Map<String, Object>> callbackNotices = web.get()
                    .uri("/api/v1/appeals/{id}/notifications", appeal.appealId()).exchange()
                    .expectStatus().isOk()
                    .expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() {
                    }).returnResult().getResponseBody().stream()
                    .filter(n -> "CALLBACK".equals(n.get("channel"))).toList();
            assertThat(callbackNotices).extracting(n -> n.get("eventId"))
                    .containsExactly(assigned.eventId(), rated.eventId());
            assertThat(callbackNotices).allSatisfy(n -> assertThat(n).containsEntry("recipient", "12345")
                    .containsEntry("state", "SENT").containsEntry("outcome", "HTTP 200"));
            assertThat(callbackNotices.get(1)).containsEntry("topic", "已评价");
        });
        // The appeal's timeline is told too: an AppealNotified per callback, published from the notice's outbox.
        AppealNotified announced = (AppealNotified) kafka.awaitFirst(PATIENCE, r -> appeal.appealId().equals(r.key())
                && r.event() instanceof AppealNotified n && n.about().equals(assigned.eventId()), Topics.EVENTS)
                .orElseThrow().event();
        assertThat(announced.channel()).isEqualTo("CALLBACK");
        assertThat(announced.recipient()).isEqualTo("12345");
        assertThat(announced.state()).isEqualTo("SENT");
        assertThat(announced.version()).isEqualTo(assigned.version());
        assertThat(announced.status()).isEqualTo(AppealStatus.ASSIGNED);
    }

    @Test
    void sendsNothingForAnAppealFromThePortal() {
        AppealAccepted accepted = Events.accepted(Events.appeal(Source.ONLINE_PORTAL));

        kafka.publish(accepted, INTAKE);

        await().atMost(PATIENCE).untilAsserted(() -> web.get().uri("/api/v1/deliveries?appealId={id}", accepted.appealId())
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.length()").isEqualTo(1)
                .jsonPath("$[0].outcome").isEqualTo("SKIPPED")
                .jsonPath("$[0].url").doesNotExist());
        assertThat(hotline.callbacksFor(accepted.appealId())).isEmpty();
    }

    @Test
    void refusesADeliveriesQueryWithoutAnAppealId() {
        for (String uri : List.of("/api/v1/deliveries", "/api/v1/deliveries?appealId=")) {
            web.get().uri(uri)
                    .exchange()
                    .expectStatus().isBadRequest()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.status").isEqualTo(400)
                    .jsonPath("$.errors[0].field").isEqualTo("appealId")
                    .jsonPath("$.errors[0].message").isEqualTo("must not be blank");
        }
    }

    @Test
    void answersNotFoundForAnAppealItHasNeverHeardOf() {
        web.get().uri("/api/v1/deliveries?appealId=no-such-appeal")
                .exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.detail").isEqualTo("No deliveries are recorded for appeal no-such-appeal");
    }

    @Test
    void answersNotFoundForAnUnknownPath() {
        web.get().uri("/api/v1/nothing-here")
                .exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(404);
    }

    @Test
    void refusesMethodsOtherThanGetOnDeliveries() {
        web.delete().uri("/api/v1/deliveries?appealId=x")
                .exchange()
                .expectStatus().isEqualTo(405)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals("Allow", "GET")
                .expectBody()
                .jsonPath("$.status").isEqualTo(405);
    }

    @Test
    void refusesAnOversizeBodyBeforeReadingIt() {
        byte[] body = new byte[65 * 1024];
        web.post().uri("/api/v1/deliveries")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange()
                .expectStatus().isEqualTo(413)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(413);
    }

    @Test
    void exposesHealthMetricsAndTheApiDocumentOnly() {
        web.get().uri("/actuator/health").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
        web.get().uri("/actuator/prometheus").exchange().expectStatus().isOk();
        web.get().uri("/actuator/env").exchange().expectStatus().isNotFound();
        web.get().uri("/v3/api-docs").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.paths['/api/v1/deliveries'].get").exists();
    }

    @Test
    void bindsRequestJsonStrictly() {
        assertThat(json.readValue("{\"text\":\"a\",\"flag\":true,\"rating\":\"SATISFIED\"}", Probe.class))
                .isEqualTo(new Probe("a", true, Rating.SATISFIED));
        for (String refused : List.of(
                "{\"text\":\"a\",\"flag\":true,\"rating\":\"SATISFIED\",\"extra\":1}",
                "{\"text\":1,\"flag\":true,\"rating\":\"SATISFIED\"}",
                "{\"text\":\"a\",\"flag\":\"1\",\"rating\":\"SATISFIED\"}",
                "{\"text\":\"a\",\"flag\":1,\"rating\":\"SATISFIED\"}",
                "{\"text\":\"a\",\"flag\":true,\"rating\":0}")) {
            assertThatThrownBy(() -> json.readValue(refused, Probe.class)).as(refused)
                    .isInstanceOf(JacksonException.class);
        }
    }

    private static RecordingStub.Request byEvent(List<RecordingStub.Request> callbacks, AppealEvent event) {
        return callbacks.stream().filter(c -> event.eventId().equals(c.text("eventId"))).findFirst().orElseThrow();
    }
}
