package gov.appeals.dispatch.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import gov.appeals.dispatch.kafka.EventMessages;
import gov.appeals.dispatch.kafka.StoredEvent;
import gov.appeals.dispatch.queue.store.AssignmentDocument;
import gov.appeals.dispatch.queue.store.AssignmentStore;
import gov.appeals.events.Topics;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Publishes the events HTTP-caused changes left in assignment outboxes, and removes each entry only after Kafka
 * acknowledged it. A crash or broker outage between the two leaves the entry for the sweep, so an event can be sent
 * twice (same id, which consumers ignore) but never lost.
 */
@Component
public class OutboxRelay {

    /** StreamBridge output bindings (destinations in application.yaml), by the topic each is bound to. */
    static final Map<String, String> BINDINGS = Map.of(
            Topics.LIFECYCLE, "lifecycle-out-0",
            Topics.ASSIGNED, "assignments-out-0");

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final StreamBridge bridge;
    private final AssignmentStore store;
    private final Clock clock;
    private final Duration sweepAge;

    public OutboxRelay(StreamBridge bridge, AssignmentStore store, Clock clock,
                       @Value("${dispatch.outbox.sweep-interval:5s}") Duration sweepAge) {
        this.bridge = bridge;
        this.store = store;
        this.clock = clock;
        this.sweepAge = sweepAge;
    }

    /** Starts publishing what a just-written document holds in its outbox. */
    public void publishPending(AssignmentDocument document) {
        document.outbox().forEach(this::publishSoon);
    }

    /** Starts publishing without making the caller wait; failures stay in the outbox for the sweep. */
    public void publishSoon(StoredEvent event) {
        publish(event).subscribe(null, error -> log.warn("Publishing event {} of appeal {} failed; the sweep retries it",
                event.eventId(), event.appealId(), error));
    }

    public Mono<Void> publish(StoredEvent event) {
        // The binder's producer is synchronous (send errors must surface), so it blocks: keep it off event loops.
        return Mono.fromRunnable(() -> send(event))
                .subscribeOn(Schedulers.boundedElastic())
                .then(store.removeFromOutbox(event.appealId(), event.eventId()));
    }

    private void send(StoredEvent event) {
        String binding = BINDINGS.get(event.topic());
        if (binding == null) {
            throw new IllegalStateException("No output binding for topic " + event.topic());
        }
        if (!bridge.send(binding, EventMessages.toMessage(event.envelope()))) {
            throw new IllegalStateException("Binding " + binding + " refused event " + event.eventId());
        }
    }

    /**
     * Re-publishes entries older than one sweep interval, which the immediate attempt evidently did not get out.
     * Runs on the scheduler's own thread, so waiting for the round to finish is fine there and keeps rounds apart.
     */
    @Scheduled(fixedDelayString = "${dispatch.outbox.sweep-interval:5s}",
            initialDelayString = "${dispatch.outbox.sweep-interval:5s}")
    public void sweep() {
        Instant cutoff = clock.instant().minus(sweepAge);
        store.withPendingOutbox(cutoff)
                .concatMap(document -> Flux.fromIterable(document.outbox()))
                .filter(event -> event.createdAt().isBefore(cutoff))
                .concatMap(event -> publish(event).onErrorResume(error -> {
                    log.warn("Sweep could not publish event {} of appeal {}", event.eventId(), event.appealId(), error);
                    return Mono.empty();
                }))
                .then()
                .block();
    }
}
