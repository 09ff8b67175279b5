package gov.appeals.kit.outbox;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

import gov.appeals.kit.messaging.EventPublisher;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import reactor.core.publisher.Mono;

/**
 * Publishes the events waiting in aggregates' outboxes, in order, removing each once Kafka acknowledged it: right
 * after the write that stored them (the caller does not wait), and from a periodic sweep for what a crash or a
 * broker outage left behind. At most {@code maxInFlight} aggregates are relayed at once; past that, and while the
 * broker is away, the work is simply left in the store for the sweep, so nothing piles up in memory. An event can be
 * sent twice (the sweep overlapping a slow relay, a crash between send and removal); it keeps its id, and every
 * consumer ignores the second copy.
 */
public class OutboxRelay {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxRelay.class);

    private final OutboxStore store;
    private final EventPublisher publisher;
    private final OutboxProperties properties;
    private final Clock clock;
    private final ObservationRegistry observations;
    private final AtomicInteger inFlight = new AtomicInteger();

    public OutboxRelay(OutboxStore store, EventPublisher publisher, OutboxProperties properties, Clock clock,
                       ObservationRegistry observations) {
        this.store = store;
        this.publisher = publisher;
        this.properties = properties;
        this.clock = clock;
        this.observations = observations;
    }

    /**
     * Starts publishing the aggregate's pending events without making the caller wait. The events continue the
     * caller's trace (the request or the consumed event that caused them), so one trace id follows an appeal across
     * the services.
     */
    public void publishSoon(String aggregateId) {
        if (inFlight.incrementAndGet() > properties.maxInFlight()) {
            inFlight.decrementAndGet();
            LOG.debug("Relay busy: the events of {} are left for the sweep", aggregateId);
            return;
        }
        publish(aggregateId, observations.getCurrentObservation())
                .doFinally(signal -> inFlight.decrementAndGet())
                .subscribe(null, e -> LOG.warn("Events of {} not published yet, the sweep retries them: {}",
                        aggregateId, e.toString()));
    }

    /** Publishes the aggregate's pending events in order; stops at the first that fails, leaving it and the rest. */
    public Mono<Void> publish(String aggregateId) {
        return publish(aggregateId, null);
    }

    private Mono<Void> publish(String aggregateId, Observation cause) {
        return store.pending(aggregateId)
                .flatMapIterable(entries -> entries)
                .concatMap(entry -> publisher.send(entry, cause).then(store.remove(aggregateId, entry.eventId())))
                .then();
    }

    /**
     * Re-publishes what has waited longer than {@code stale-after}. Runs on the scheduler's thread, not a Reactor
     * one: waiting (bounded) for the round keeps two rounds from overlapping.
     */
    @Scheduled(fixedDelayString = "${appeals.outbox.sweep-interval:5s}",
            initialDelayString = "${appeals.outbox.sweep-interval:5s}")
    public void sweep() {
        Duration bound = properties.sweepTimeout();
        store.pendingSince(clock.instant().minus(properties.staleAfter()), properties.sweepBatch())
                .concatMap(id -> publish(id).onErrorResume(e -> {
                    LOG.warn("Outbox sweep could not publish the events of {}: {}", id, e.toString());
                    return Mono.empty();
                }))
                .then()
                .timeout(bound)
                .onErrorResume(e -> {
                    LOG.warn("Outbox sweep round ended early (the next one goes on): {}", e.toString());
                    return Mono.empty();
                })
                .block(bound.plusSeconds(5));
    }
}
