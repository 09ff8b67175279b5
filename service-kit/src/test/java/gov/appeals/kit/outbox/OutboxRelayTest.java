package gov.appeals.kit.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import gov.appeals.kit.messaging.EventPublisher;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

class OutboxRelayTest {

    private static final Instant NOW = Instant.parse("2026-11-29T08:00:00Z");

    private final MemoryStore store = new MemoryStore();
    private final RecordingPublisher publisher = new RecordingPublisher();
    private final OutboxRelay relay = new OutboxRelay(store, publisher,
            new OutboxProperties(Duration.ofSeconds(5), Duration.ofSeconds(5), 10, Duration.ofSeconds(10), 4, 100,
                    Duration.ofMinutes(10)),
            Clock.fixed(NOW, ZoneOffset.UTC), ObservationRegistry.NOOP);

    @Test
    void publishesAnAggregatesEventsInOrderAndRemovesEachOnceSent() {
        store.add("a-1", entry("e1", NOW), entry("e2", NOW));
        relay.publish("a-1").block(Duration.ofSeconds(5));
        assertThat(publisher.sent).containsExactly("e1", "e2");
        assertThat(store.outboxes.get("a-1")).isEmpty();
    }

    @Test
    void stopsAtTheFirstEventTheBrokerDoesNotTakeAndKeepsItAndTheRestForTheSweep() {
        Instant earlier = NOW.minusSeconds(60);
        store.add("a-1", entry("e1", earlier), entry("e2", earlier), entry("e3", earlier));
        publisher.refuse("e2");
        relay.publish("a-1").onErrorResume(e -> Mono.empty()).block(Duration.ofSeconds(5));
        assertThat(publisher.sent).containsExactly("e1");
        assertThat(store.outboxes.get("a-1")).extracting(OutboxEntry::eventId).containsExactly("e2", "e3");

        publisher.refuse(null);
        relay.sweep();
        assertThat(publisher.sent).containsExactly("e1", "e2", "e3");
        assertThat(store.outboxes.get("a-1")).isEmpty();
    }

    @Test
    void sweepsOnlyWhatHasWaitedLongerThanStaleAfter() {
        store.add("old", entry("o1", NOW.minusSeconds(60)));
        store.add("fresh", entry("f1", NOW));
        relay.sweep();
        assertThat(publisher.sent).containsExactly("o1");
    }

    @Test
    void publishesTheOutboxTheWriterHandsOverWithoutReadingItBack() throws InterruptedException {
        OutboxEntry written = entry("w1", NOW);
        store.add("a-1", written);
        relay.publishSoon("a-1", List.of(written));
        awaitSent("w1");
        assertThat(store.reads).isZero();
        assertThat(store.outboxes.get("a-1")).isEmpty();
    }

    @Test
    void scansTheStoreOnlyOnItsFirstRoundButRetriesWhatFailedInEveryRound() throws InterruptedException {
        relay.sweep();
        assertThat(store.scans).isEqualTo(1);

        OutboxEntry written = entry("w1", NOW);
        store.add("a-1", written);
        publisher.refuse("w1");
        relay.publishSoon("a-1", List.of(written));
        Thread.sleep(200);
        assertThat(publisher.sent).isEmpty();

        publisher.refuse(null);
        relay.sweep();
        assertThat(publisher.sent).containsExactly("w1");
        assertThat(store.scans).isEqualTo(1);
    }

    @Test
    void aSweepLeavesAnAggregateToThePublicationSendingItAndEachEventGoesOnce() throws InterruptedException {
        OutboxEntry first = entry("e1", NOW.minusSeconds(60));
        OutboxEntry second = entry("e2", NOW.minusSeconds(60));
        store.add("a-1", first, second);
        publisher.hold();
        relay.publishSoon("a-1", List.of(first, second));
        Thread release = new Thread(() -> {
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            publisher.release();
        });
        release.start();

        relay.sweep();
        release.join();
        awaitSent("e2");
        Thread.sleep(200);

        assertThat(publisher.sent).containsExactly("e1", "e2");
        assertThat(store.outboxes.get("a-1")).isEmpty();
    }

    private void awaitSent(String eventId) throws InterruptedException {
        for (int i = 0; i < 100 && !publisher.sent.contains(eventId); i++) {
            Thread.sleep(20);
        }
        assertThat(publisher.sent).contains(eventId);
    }

    private static OutboxEntry entry(String eventId, Instant createdAt) {
        return OutboxEntry.of("a", "appeals.events", Map.of("ce_id", eventId, "ce_type", "t"), new byte[] {'{', '}'},
                createdAt);
    }

    private static final class MemoryStore implements OutboxStore {

        final Map<String, List<OutboxEntry>> outboxes = Collections.synchronizedMap(new LinkedHashMap<>());
        volatile int reads;
        volatile int scans;

        void add(String id, OutboxEntry... entries) {
            outboxes.put(id, new ArrayList<>(List.of(entries)));
        }

        @Override
        public Mono<List<OutboxEntry>> pending(String aggregateId) {
            reads++;
            return Mono.justOrEmpty(outboxes.get(aggregateId)).map(List::copyOf);
        }

        @Override
        public Mono<Void> remove(String aggregateId, String eventId) {
            return Mono.fromRunnable(() -> outboxes.get(aggregateId).removeIf(e -> e.eventId().equals(eventId)));
        }

        @Override
        public Flux<String> pendingSince(Instant cutoff, int limit) {
            scans++;
            return Flux.fromIterable(List.copyOf(outboxes.entrySet()))
                    .filter(e -> e.getValue().stream().anyMatch(entry -> entry.createdAt().isBefore(cutoff)))
                    .map(Map.Entry::getKey).take(limit);
        }
    }

    private static final class RecordingPublisher extends EventPublisher {

        final List<String> sent = Collections.synchronizedList(new ArrayList<>());
        private volatile String refused;
        private volatile java.util.concurrent.CountDownLatch gate = new java.util.concurrent.CountDownLatch(0);

        RecordingPublisher() {
            super(null, Duration.ofSeconds(1));
        }

        void refuse(String eventId) {
            refused = eventId;
        }

        /** Sends wait, on a thread of their own, until {@link #release()}: the broker answering slowly. */
        void hold() {
            gate = new java.util.concurrent.CountDownLatch(1);
        }

        void release() {
            gate.countDown();
        }

        @Override
        public Mono<Void> send(OutboxEntry entry, Observation cause) {
            Mono<Void> send = Mono.defer(() -> {
                if (entry.eventId().equals(refused)) {
                    return Mono.error(new IllegalStateException("broker away"));
                }
                sent.add(entry.eventId());
                return Mono.empty();
            });
            java.util.concurrent.CountDownLatch held = gate;
            return held.getCount() == 0 ? send
                    : Mono.fromCallable(() -> held.await(5, java.util.concurrent.TimeUnit.SECONDS))
                            .subscribeOn(reactor.core.scheduler.Schedulers.boundedElastic()).then(send);
        }
    }
}
