package gov.appeals.deploy;

import static gov.appeals.deploy.HotlineAppealEndToEndIT.awaitStatus;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import gov.appeals.deploy.HotlineAppealEndToEndIT.Urls;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every bundled sample appeal walked from the hotline to closed (routed or triaged, signed for, answered, rated),
 * then every log file of every part of the platform read: none may hold an enterprise contact's name or phone.
 */
@ExtendWith(PlatformExtension.class)
class PersonalDataIT {

    private static final Duration HOP = Duration.ofSeconds(90);

    @Test
    void theLogsOfAFullRunOfTheSampleAppealsHoldNoContactNameAndNoPhoneNumber(LocalPlatform platform)
            throws IOException {
        Urls urls = new Urls(platform.config());
        Callers callers = urls.callers();
        List<ObjectNode> samples = SampleAppeal.all();
        Map<String, ObjectNode> byId = new LinkedHashMap<>();
        for (ObjectNode sample : samples) {
            sample.put("externalId", "PII-" + sample.path("externalId").asString());
            Http.Response accepted = Http.post(urls.intake("/api/v1/appeals"), sample.toString(), urls.hotline());
            assertThat(accepted.status()).as(accepted.body()).isIn(200, 201);
            byId.put(accepted.json().path("id").asString(), sample);
        }
        Map<String, String> leads = new java.util.concurrent.ConcurrentHashMap<>();
        inParallel(byId.keySet(), id -> {
            JsonNode routed = await("appeal " + id + " routed").atMost(HOP).pollInterval(Duration.ofMillis(300))
                    .until(() -> Http.get(urls.intake("/api/v1/appeals/" + id), callers.supervisor()).json(),
                            view -> List.of("ASSIGNED", "TRIAGE").contains(view.path("status").asString()));
            if (routed.path("status").asString().equals("TRIAGE")) {
                Http.Response decided = Http.post(urls.dispatch("/api/v1/triage/" + id + "/assignment"),
                        "{\"lead\":\"JD-SCJG\",\"reason\":\"按职责分派\"}", callers.user("triager"));
                assertThat(decided.status()).as(decided.body()).isEqualTo(200);
                leads.put(id, "JD-SCJG");
            } else {
                leads.put(id, routed.path("leadDepartment").asString());
            }
        });
        inParallel(byId.keySet(), id -> {
            Http.Caller clerk = callers.user("clerk-" + leads.get(id));
            String signUrl = urls.dispatch("/api/v1/departments/" + leads.get(id) + "/queue/" + id + "/sign");
            await("appeal " + id + " signed for").atMost(HOP).pollInterval(Duration.ofMillis(300))
                    .until(() -> Http.send("POST", signUrl, null, clerk).status(), status -> status == 200);
            await("appeal " + id + " answered").atMost(HOP).pollInterval(Duration.ofMillis(300))
                    .until(() -> Http.post(urls.feedback("/api/v1/appeals/" + id + "/answer"),
                            "{\"result\":\"RESOLVED\",\"text\":\"已联系企业并办理完毕。\"}", clerk).status(),
                            status -> status == 200);
            awaitStatus(urls, id, "RESPONDED");
            Http.Response rated = Http.post(urls.intake("/api/v1/appeals/" + id + "/rating"),
                    "{\"rating\":\"SATISFIED\"}", urls.hotline());
            assertThat(rated.status()).as(rated.body()).isEqualTo(202);
            awaitStatus(urls, id, "CLOSED");
        });

        List<String> personal = new ArrayList<>();
        for (ObjectNode sample : samples) {
            personal.add(sample.path("enterprise").path("contactName").asString());
            personal.add(sample.path("enterprise").path("phone").asString());
        }
        List<Path> logs;
        try (Stream<Path> files = Files.list(platform.config().logsDir())) {
            logs = files.filter(Files::isRegularFile).toList();
        }
        assertThat(logs).as("log files").hasSizeGreaterThanOrEqualTo(7);
        long bytes = 0;
        for (Path log : logs) {
            String text = read(log);
            bytes += text.length();
            assertThat(personal).as("contact names and phone numbers in %s", log.getFileName())
                    .noneSatisfy(value -> assertThat(text).contains(value));
        }
        System.out.printf("[personal data] %d sample appeals closed; %d log files (%d characters) hold none of "
                + "their %d contact names and phone numbers%n", byId.size(), logs.size(), bytes, personal.size());
    }

    /** Eight appeals at a time, as several clerks would work; the first failure fails the test. */
    private static void inParallel(java.util.Collection<String> ids, java.util.function.Consumer<String> walk) {
        java.util.concurrent.ExecutorService clerks = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<?>> walks = new ArrayList<>();
            ids.forEach(id -> walks.add(clerks.submit(() -> walk.accept(id))));
            for (java.util.concurrent.Future<?> future : walks) {
                future.get(5, java.util.concurrent.TimeUnit.MINUTES);
            }
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (InterruptedException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException(e);
        } finally {
            clerks.shutdownNow();
        }
    }

    private static String read(Path log) {
        try {
            return new String(Files.readAllBytes(log), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
