package gov.appeals.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import tools.jackson.databind.JsonNode;

/**
 * Outages as they happen: the 12345 system away for {@code drill.hotline-down} (default 5 minutes) and, inside that
 * window, the store stopped for {@code drill.store-down} (default 2 minutes) while the hotline keeps posting appeals
 * and re-posting those it got no answer for, as it does. Afterwards every appeal the hotline was told was accepted
 * reaches its department, no service has dead-lettered anything, and 12345 has been told every stage of every appeal
 * in order, once.
 */
@ExtendWith(PlatformExtension.class)
class OutageDrillIT {

    private static final Duration HOTLINE_DOWN = Duration.parse(System.getProperty("drill.hotline-down", "PT5M"));
    private static final Duration STORE_DOWN = Duration.parse(System.getProperty("drill.store-down", "PT2M"));
    private static final Duration LOAD_BEFORE = Duration.ofSeconds(15);
    private static final Duration LOAD_AFTER = Duration.ofSeconds(30);
    private static final Duration SETTLE = Duration.ofMinutes(5);
    private static final Duration GRACE = Duration.ofSeconds(20);
    private static final int NO_ANSWER = -1;

    @Test
    void losesNothingWhileTheStoreAndThe12345SystemAreAway(LocalPlatform platform) throws Exception {
        HotlineAppealEndToEndIT.Urls urls = new HotlineAppealEndToEndIT.Urls(platform.config());
        SupervisedProcess receiver = platform.part("callback-receiver");
        SupervisedProcess store = platform.part("mongo");
        Instant began = Instant.now();
        receiver.hold(GRACE);
        Hotline hotline = new Hotline(urls);
        Thread load = new Thread(hotline::postUntilStopped, "drill-load");
        load.start();

        Thread.sleep(LOAD_BEFORE.toMillis());
        store.hold(GRACE);
        Instant storeDown = Instant.now();
        Thread.sleep(STORE_DOWN.toMillis());
        store.resume();
        await().atMost(Duration.ofMinutes(1)).until(store::isReady);
        Instant storeBack = Instant.now();
        Thread.sleep(LOAD_AFTER.toMillis());
        hotline.stop();
        load.join(Duration.ofMinutes(1).toMillis());
        hotline.repostUnanswered(Duration.ofMinutes(3));

        Map<String, String> accepted = hotline.accepted();
        assertThat(accepted).as("appeals accepted during the drill").hasSizeGreaterThan(20);
        // While the store is away intake answers 503, or nothing within the hotline's 10 s; never a 500 or a 4xx.
        assertThat(hotline.answers().keySet()).as("answers the hotline got, by status (-1: none in time)")
                .containsAnyOf(200, 201).allMatch(status -> List.of(200, 201, 503, NO_ANSWER).contains(status));
        await("every accepted appeal routed to its department").atMost(SETTLE).pollInterval(Duration.ofSeconds(2))
                .untilAsserted(() -> assertThat(accepted.values()).allSatisfy(id ->
                        assertThat(Http.get(urls.intake("/api/v1/appeals/" + id), urls.callers().supervisor()).json()
                                .path("status").asString())
                                .isIn("ASSIGNED", "TRIAGE")));
        Duration routed = Duration.between(storeBack, Instant.now());
        for (Service service : PlatformExtension.SERVICES) {
            JsonNode letters = Http.get(platform.config().serviceUrl(service) + "/api/v1/ops/dead-letters",
                    urls.callers().user("operator")).json();
            assertThat(letters.path("total").asLong()).as("dead letters of %s: %s", service, letters).isZero();
        }

        Instant hotlineBackAt = began.plus(HOTLINE_DOWN);
        Thread.sleep(Math.max(0, Duration.between(Instant.now(), hotlineBackAt).toMillis()));
        receiver.resume();
        await().atMost(Duration.ofMinutes(1)).until(receiver::isReady);
        Instant hotlineBack = Instant.now();
        await("12345 told every stage of every appeal, in order, once").atMost(SETTLE)
                .pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
                    Map<String, List<JsonNode>> byExternalId = callbacks(platform);
                    assertThat(accepted.keySet()).allSatisfy(externalId -> {
                        List<JsonNode> told = byExternalId.getOrDefault(externalId, List.of());
                        assertThat(told).extracting(c -> c.path("status").asString()).as(externalId)
                                .containsExactly("ACCEPTED", "ASSIGNED");
                        Set<String> events = new HashSet<>();
                        told.forEach(c -> events.add(c.path("eventId").asString()));
                        assertThat(events).as("distinct events told for %s", externalId).hasSize(told.size());
                    });
                });
        System.out.printf("%n[drill] %d appeals accepted (%s); store down %d s from %s, every appeal routed %d s "
                        + "after it came back; 12345 down %d s, told every stage %d s after it came back; "
                        + "0 dead letters%n", accepted.size(), hotline.answers(),
                Duration.between(storeDown, storeBack).toSeconds(), storeDown, routed.toSeconds(),
                Duration.between(began, hotlineBack).toSeconds(),
                Duration.between(hotlineBack, Instant.now()).toSeconds());
    }

    private static Map<String, List<JsonNode>> callbacks(LocalPlatform platform) {
        Map<String, List<JsonNode>> byExternalId = new LinkedHashMap<>();
        for (JsonNode callback : Http.get(platform.config().callbackUrl()).json()) {
            byExternalId.computeIfAbsent(callback.path("externalId").asString(), k -> new ArrayList<>()).add(callback);
        }
        return byExternalId;
    }

    /** The 12345 integration: posts work orders and posts again those it got no clear answer for. */
    private static final class Hotline {

        private static final Duration PACE = Duration.ofMillis(250);

        private final HotlineAppealEndToEndIT.Urls urls;
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final AtomicInteger next = new AtomicInteger();
        private final Map<String, String> accepted = new ConcurrentHashMap<>();
        private final Deque<String> unanswered = new ConcurrentLinkedDeque<>();
        private final Map<Integer, AtomicInteger> answers = new ConcurrentHashMap<>();
        private final String run = Long.toString(System.currentTimeMillis(), 36).toUpperCase();

        Hotline(HotlineAppealEndToEndIT.Urls urls) {
            this.urls = urls;
        }

        void postUntilStopped() {
            while (running.get()) {
                String externalId = unanswered.isEmpty() || next.get() % 2 == 0
                        ? "DRILL-" + run + "-" + next.incrementAndGet() : unanswered.poll();
                if (externalId != null) {
                    post(externalId);
                }
                sleep(PACE);
            }
        }

        void stop() {
            running.set(false);
        }

        void repostUnanswered(Duration within) {
            Instant deadline = Instant.now().plus(within);
            while (!unanswered.isEmpty() && Instant.now().isBefore(deadline)) {
                post(unanswered.poll());
                sleep(PACE);
            }
            assertThat(unanswered).as("work orders never accepted").isEmpty();
        }

        private void post(String externalId) {
            try {
                Http.Response response = Http.post(urls.intake("/api/v1/appeals"),
                        HotlineAppealEndToEndIT.hotlineSample(externalId), urls.hotline());
                answers.computeIfAbsent(response.status(), s -> new AtomicInteger()).incrementAndGet();
                if (response.status() == 200 || response.status() == 201) {
                    String id = response.json().path("id").asString();
                    String earlier = accepted.putIfAbsent(externalId, id);
                    assertThat(earlier == null || earlier.equals(id)).as("one appeal per work order").isTrue();
                } else {
                    unanswered.add(externalId);
                }
            } catch (RuntimeException noAnswer) {
                answers.computeIfAbsent(NO_ANSWER, s -> new AtomicInteger()).incrementAndGet();
                unanswered.add(externalId);
            }
        }

        Map<String, String> accepted() {
            return Map.copyOf(accepted);
        }

        Map<Integer, Integer> answers() {
            Map<Integer, Integer> counts = new java.util.TreeMap<>();
            answers.forEach((status, count) -> counts.put(status, count.get()));
            return counts;
        }

        private static void sleep(Duration duration) {
            try {
                Thread.sleep(duration.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
