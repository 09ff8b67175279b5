package gov.appeals.kit.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

import gov.appeals.kit.messaging.EventPublisher;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Publishes the events waiting in aggregates' outboxes, in order, removing each once Kafka acknowledged it: right
 * after the write that stored them (the caller does not wait), and from a periodic sweep for what could not be
 * published then.
 * <p>
 * The sweep does not scan the store every round: on mongo-java-server a query on {@code outbox.createdAt} reads
 * every document of the collection, history included. It retries the aggregates this relay remembers (failed or
 * skipped while busy: ids only, at most {@code retry-capacity}), and scans the store only at start-up (what a crash
 * left), after the remembered set overflowed, and every {@code full-scan-interval} as a backstop for what another
 * instance left when it stopped. At most {@code max-in-flight} aggregates are relayed at once. One aggregate is
 * relayed by one publication at a time, so its events leave in the order they were written. An event can be sent
 * twice (a scan overlapping a slow relay, a crash between send and removal); it keeps its id, and every consumer
 * ignores the second copy.
 */
public class OutboxRelay {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxRelay.class);

    private final OutboxStore store;
    private final EventPublisher publisher;
    private final OutboxProperties properties;
    private final Clock clock;
    private final ObservationRegistry observations;
    private final AtomicInteger inFlight = new AtomicInteger();
    /** Aggregates being published now; TRUE when more was written meanwhile, to be read from the store after. */
    private final Map<String, Boolean> active = new ConcurrentHashMap<>();
    private final Set<String> retry = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean scanNeeded = new AtomicBoolean(true);
    private volatile Instant lastScan = Instant.MIN;

    public OutboxRelay(OutboxStore store, EventPublisher publisher, OutboxProperties properties, Clock clock,
                       ObservationRegistry observations) {
        this.store = store;
        this.publisher = publisher;
        this.properties = properties;
        this.clock = clock;
        this.observations = observations;
    }

    /**
     * Starts publishing the aggregate's pending events, read from the store, without making the caller wait.
     *
     * @see #publishSoon(String, List)
     */
    public void publishSoon(String aggregateId) {
        publishSoon(aggregateId, null);
    }

    /**
     * Starts publishing the aggregate's pending events without making the caller wait. The events continue the
     * caller's trace (the request or the consumed event that caused them), so one trace id follows an appeal across
     * the services.
     *
     * @param outbox the aggregate's whole outbox as the caller's write left it (saves reading it back), or null to
     *               read it from the store
     */
    public void publishSoon(String aggregateId, List<OutboxEntry> outbox) {
        if (outbox != null && outbox.isEmpty()) {
            return;
        }
        if (active.putIfAbsent(aggregateId, Boolean.FALSE) != null) {
            // The running publication reads the store again when it ends, and so picks these events up in order.
            active.put(aggregateId, Boolean.TRUE);
            return;
        }
        if (inFlight.incrementAndGet() > properties.maxInFlight()) {
            inFlight.decrementAndGet();
            active.remove(aggregateId);
            LOG.debug("Relay busy: the events of {} are left for the sweep", aggregateId);
            remember(aggregateId);
            return;
        }
        boolean known = outbox != null && !retry.contains(aggregateId);
        Observation cause = observations.getCurrentObservation();
        send(aggregateId, known ? Mono.just(outbox) : store.pending(aggregateId), cause)
                .doFinally(signal -> inFlight.decrementAndGet())
                .subscribe(null, e -> LOG.warn("Events of {} not published yet, the sweep retries them: {}",
                        aggregateId, e.toString()));
    }

    /** Publishes and then, while more was written meanwhile, publishes again what the store holds. */
    private Mono<Void> send(String aggregateId, Mono<List<OutboxEntry>> pending, Observation cause) {
        return publishEntries(aggregateId, pending, cause)
                .then(Mono.defer(() -> active.remove(aggregateId, Boolean.FALSE) ? Mono.<Void>empty()
                        : again(aggregateId, cause)))
                .onErrorResume(e -> {
                    active.remove(aggregateId);
                    remember(aggregateId);
                    return Mono.error(e);
                });
    }

    private Mono<Void> again(String aggregateId, Observation cause) {
        active.put(aggregateId, Boolean.FALSE);
        return send(aggregateId, store.pending(aggregateId), cause);
    }

    /**
     * Publishes the aggregate's pending events in order; stops at the first that fails, leaving it and the rest. When
     * a publication of the aggregate runs already, it is asked to read the store again when it ends instead: two at
     * once would send the same events twice.
     */
    public Mono<Void> publish(String aggregateId) {
        if (active.putIfAbsent(aggregateId, Boolean.FALSE) != null) {
            active.put(aggregateId, Boolean.TRUE);
            return Mono.empty();
        }
        return send(aggregateId, store.pending(aggregateId), null).doOnSuccess(done -> retry.remove(aggregateId));
    }

    private Mono<Void> publishEntries(String aggregateId, Mono<List<OutboxEntry>> pending, Observation cause) {
        return pending.flatMapIterable(entries -> entries)
                .concatMap(entry -> publisher.send(entry, cause).then(store.remove(aggregateId, entry.eventId())))
                .then();
    }

    private void remember(String aggregateId) {
        if (retry.size() >= properties.retryCapacity()) {
            scanNeeded.set(true);
            return;
        }
        retry.add(aggregateId);
    }

    /**
     * Retries what the relay remembers and, when due, scans the store for what has waited longer than
     * {@code stale-after}. Runs on the scheduler's thread, not a Reactor one: waiting (bounded) for the round keeps
     * two rounds from overlapping.
     */
    @Scheduled(fixedDelayString = "${appeals.outbox.sweep-interval:5s}",
            initialDelayString = "${appeals.outbox.sweep-interval:5s}")
    public void sweep() {
        Duration bound = properties.sweepTimeout();
        Instant now = clock.instant();
        boolean scan = scanNeeded.getAndSet(false) || !lastScan.plus(properties.fullScanInterval()).isAfter(now);
        Flux<String> scanned = Flux.empty();
        if (scan) {
            lastScan = now;
            scanned = store.pendingSince(now.minus(properties.staleAfter()), properties.sweepBatch())
                    .collectList()
                    .doOnNext(ids -> {
                        if (ids.size() >= properties.sweepBatch()) {
                            scanNeeded.set(true);
                        }
                    })
                    .flatMapIterable(ids -> ids)
                    .onErrorResume(e -> {
                        scanNeeded.set(true);
                        return Mono.error(e);
                    });
        }
        Flux.fromIterable(List.copyOf(retry)).take(properties.sweepBatch()).concatWith(scanned).distinct()
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
