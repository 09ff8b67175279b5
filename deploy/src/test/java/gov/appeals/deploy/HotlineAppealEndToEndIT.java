package gov.appeals.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A hotline (12345) appeal driven over HTTP through the running platform, the way the hotline, department staff
 * and the enterprise would: every hop between the services goes through the real Kafka broker and every service
 * keeps its state in the mongo-java-server store, all in separate processes.
 */
@ExtendWith(PlatformExtension.class)
class HotlineAppealEndToEndIT {

    private static final Duration HOP = Duration.ofSeconds(60);

    @Test
    void walksAHotlineAppealFromAcceptanceToClosedAndCallsTheHotlineBackAtEveryStage(LocalPlatform platform) {
        Urls urls = new Urls(platform.config());
        String body = hotlineSample("E2E-CLOSE-1");

        Http.Response accepted = Http.post(urls.intake("/api/v1/appeals"), body, urls.hotline());
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(201);
        String id = accepted.json().path("id").asString();
        assertThat(accepted.json().path("number").asString()).startsWith("QS-");

        Http.Response again = Http.post(urls.intake("/api/v1/appeals"), body, urls.hotline());
        assertThat(again.status()).as("the hotline re-sending its work order").isEqualTo(200);
        assertThat(again.json().path("id").asString()).isEqualTo(id);

        JsonNode assigned = awaitStatus(urls, id, "ASSIGNED");
        String lead = assigned.path("leadDepartment").asString();
        assertThat(lead).isNotBlank();
        assertThat(assigned.path("deadlines").isObject()).as("deadlines in %s", assigned).isTrue();
        assertThat(assigned.path("deadlines").properties()).isNotEmpty();

        assertThat(queueIds(urls, lead)).contains(id);

        signAndAnswer(urls, id, lead);

        Http.Response rated = Http.post(urls.intake("/api/v1/appeals/" + id + "/rating"), "{\"rating\":\"SATISFIED\"}",
                urls.hotline());
        assertThat(rated.status()).as(rated.body()).isEqualTo(202);

        JsonNode closed = awaitStatus(urls, id, "CLOSED");
        List<String> stages = new ArrayList<>();
        for (JsonNode entry : closed.path("timeline")) {
            stages.add(entry.path("status").asString());
            assertThat(entry.path("at").asString()).as("time of %s", entry).isNotBlank();
            assertThat(entry.path("actor").asString()).as("actor of %s", entry).isNotBlank();
        }
        assertThat(stages).contains("ACCEPTED", "ASSIGNED", "SIGNED", "RESPONDED", "CLOSED");
        for (JsonNode entry : closed.path("timeline")) {
            // A department acted on each of these stages; the notes of what 12345 was told about them did not.
            if (List.of("ASSIGNED", "SIGNED", "RESPONDED").contains(entry.path("status").asString())
                    && !"system:notification-service".equals(entry.path("actor").asString())) {
                assertThat(entry.path("department").asString()).as("department of %s", entry).isEqualTo(lead);
            }
        }
        await("the timeline says what 12345 was told").atMost(HOP).pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> {
                    List<String> notes = new ArrayList<>();
                    Http.get(urls.intake("/api/v1/appeals/" + id), urls.hotline()).json().path("timeline")
                            .forEach(entry -> notes.add(entry.path("note").asString()));
                    assertThat(notes).contains("12345 told of 已受理: sent (HTTP 200)",
                            "12345 told of 已分派: sent (HTTP 200)");
                });

        String externalId = "E2E-CLOSE-1";
        await("a 12345 callback for every stage").atMost(HOP).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            List<JsonNode> callbacks = callbacksFor(platform, externalId);
            assertThat(callbacks).extracting(c -> c.path("status").asString())
                    .contains("ACCEPTED", "ASSIGNED", "SIGNED", "RESPONDED", "CLOSED");
            assertThat(callbacks).extracting(c -> c.path("type").asString())
                    .anySatisfy(type -> assertThat(type).contains("AppealRated"));
            assertThat(callbacks).allSatisfy(c -> assertThat(c.path("appealId").asString()).isEqualTo(id));
        });
        // One trace follows the appeal from the hotline's POST through intake, Kafka, dispatch and notification to
        // the callbacks it caused: acceptance and routing.
        assertThat(accepted.traceId()).as("X-Trace-Id of the POST").matches("[0-9a-f]{32}");
        assertThat(callbacksFor(platform, externalId)).filteredOn(c -> List.of("ACCEPTED", "ASSIGNED")
                        .contains(c.path("status").asString()))
                .hasSize(2).allSatisfy(c -> assertThat(c.path("traceparent").asString())
                        .as("traceparent of the %s callback", c.path("status").asString())
                        .startsWith("00-" + accepted.traceId() + "-"));
    }

    @Test
    void reopensADissatisfiedAppealToTheSameLead(LocalPlatform platform) {
        Urls urls = new Urls(platform.config());
        Http.Response accepted = Http.post(urls.intake("/api/v1/appeals"), hotlineSample("E2E-REOPEN-1"),
                urls.hotline());
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(201);
        String id = accepted.json().path("id").asString();
        String lead = awaitStatus(urls, id, "ASSIGNED").path("leadDepartment").asString();
        signAndAnswer(urls, id, lead);

        Http.Response rated = Http.post(urls.intake("/api/v1/appeals/" + id + "/rating"),
                "{\"rating\":\"DISSATISFIED\"}", urls.hotline());
        assertThat(rated.status()).as(rated.body()).isEqualTo(202);

        JsonNode reopened = awaitStatus(urls, id, "REOPENED");
        assertThat(reopened.path("leadDepartment").asString()).isEqualTo(lead);
        await("the reopened appeal back in the lead's queue").atMost(HOP).pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> assertThat(queueIds(urls, lead)).contains(id));
    }

    /** The lead signs for the appeal at dispatch, then answers it at feedback once feedback has seen the signing. */
    private static void signAndAnswer(Urls urls, String id, String lead) {
        Http.Caller clerk = urls.callers().user("clerk-" + lead);
        Http.Response signed = Http.send("POST",
                urls.dispatch("/api/v1/departments/" + lead + "/queue/" + id + "/sign"), null, clerk);
        assertThat(signed.status()).as(signed.body()).isEqualTo(200);

        await("feedback-service learns of the signing").atMost(HOP).pollInterval(Duration.ofMillis(500))
                .until(() -> "SIGNED".equals(
                        Http.get(urls.feedback("/api/v1/appeals/" + id + "/case"), clerk).json().path("status")
                                .asString()));
        Http.Response answered = Http.post(urls.feedback("/api/v1/appeals/" + id + "/answer"),
                "{\"result\":\"RESOLVED\",\"text\":\"已协调合作银行办理续贷，企业已确认。\"}", clerk);
        assertThat(answered.status()).as(answered.body()).isEqualTo(200);

        awaitStatus(urls, id, "RESPONDED");
    }

    /** Every appeal in the department's queue, page by page (other tests leave appeals with the same deadline). */
    static List<String> queueIds(Urls urls, String lead) {
        List<String> ids = new ArrayList<>();
        for (int page = 0; ; page++) {
            Http.Response queue = Http.get(
                    urls.dispatch("/api/v1/departments/" + lead + "/queue?size=100&page=" + page),
                    urls.callers().user("head-" + lead));
            assertThat(queue.status()).as(queue.body()).isEqualTo(200);
            JsonNode items = queue.json().path("items");
            items.forEach(item -> ids.add(item.path("id").asString()));
            if (items.size() < 100) {
                return ids;
            }
        }
    }

    static JsonNode awaitStatus(Urls urls, String id, String status) {
        return await("appeal " + id + " " + status + " at intake").atMost(HOP).pollInterval(Duration.ofMillis(500))
                .ignoreExceptions()
                .until(() -> Http.get(urls.intake("/api/v1/appeals/" + id), urls.callers().supervisor()).json(),
                        view -> status.equals(view.path("status").asString()));
    }

    private static List<JsonNode> callbacksFor(LocalPlatform platform, String externalId) {
        List<JsonNode> callbacks = new ArrayList<>();
        for (JsonNode callback : Http.get(platform.config().callbackUrl()).json()) {
            if (externalId.equals(callback.path("externalId").asString())) {
                callbacks.add(callback);
            }
        }
        return callbacks;
    }

    /** The first bundled hotline sample under a work-order number of the test's own. */
    static String hotlineSample(String externalId) {
        ObjectNode appeal = SampleAppeal.all().stream()
                .filter(a -> "HOTLINE_12345".equals(a.path("source").asString()))
                .findFirst().orElseThrow();
        appeal.put("externalId", externalId);
        return Http.JSON.writeValueAsString(appeal);
    }

    record Urls(PlatformConfig config) {

        Callers callers() {
            return Callers.of(config);
        }

        Http.Caller hotline() {
            return callers().hotline();
        }

        String intake(String path) {
            return config.serviceUrl(Service.INTAKE) + path;
        }

        String dispatch(String path) {
            return config.serviceUrl(Service.DISPATCH) + path;
        }

        String feedback(String path) {
            return config.serviceUrl(Service.FEEDBACK) + path;
        }
    }
}
