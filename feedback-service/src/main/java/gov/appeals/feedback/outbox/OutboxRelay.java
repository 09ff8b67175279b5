package gov.appeals.feedback.outbox;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import gov.appeals.events.Topics;
import gov.appeals.feedback.messaging.EventMessages;
import gov.appeals.feedback.store.CaseStore;
import gov.appeals.feedback.store.OutboxEntry;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Publishes the events a case's outbox holds and removes each once Kafka acknowledged it. Right after an answer
 * is stored, and again from a periodic sweep for what a crash or a broker outage left behind; an event may thus be
 * sent twice, always with the same id, which consumers ignore.
 */
@Component
public class OutboxRelay {

    /** Output bindings declared in spring.cloud.stream.output-bindings, each a synchronous producer. */
    private static final Map<String, String> BINDINGS = Map.of(Topics.LIFECYCLE, "lifecycle");

    private static final Logger LOG = LoggerFactory.getLogger(OutboxRelay.class);

    private final CaseStore store;
    private final StreamBridge bridge;
    private final Clock clock;
    private final Duration sweepInterval;

    public OutboxRelay(CaseStore store, StreamBridge bridge, Clock clock,
                       @Value("${feedback.outbox.sweep-interval:5s}") Duration sweepInterval) {
        this.store = store;
        this.bridge = bridge;
        this.clock = clock;
        this.sweepInterval = sweepInterval;
    }

    /** Publishes in the background: the caller's response does not wait for Kafka. */
    public void publishSoon(String appealId) {
        publish(appealId).subscribe(null, e -> LOG.warn("Outbox of appeal {} not published yet, the sweep retries: {}",
                appealId, e.toString()));
    }

    public Mono<Void> publish(String appealId) {
        return store.pending(appealId)
                .flatMapIterable(entries -> entries)
                .concatMap(entry -> send(entry).then(store.removePending(appealId, entry.eventId())))
                .then();
    }

    /**
     * Re-publishes events that have waited longer than one interval, i.e. that publishSoon did not get out. Runs on
     * the scheduler's own thread (no Reactor thread), where waiting for the round keeps rounds from overlapping.
     */
    @Scheduled(fixedDelayString = "${feedback.outbox.sweep-interval:5s}",
            initialDelayString = "${feedback.outbox.sweep-interval:5s}")
    public void sweep() {
        // The scheduler's own thread, not a Reactor one: waiting here keeps two sweeps from overlapping.
        store.withPendingSince(clock.instant().minus(sweepInterval))
                .concatMap(appealId -> publish(appealId).onErrorResume(e -> {
                    LOG.warn("Outbox sweep could not publish for appeal {}: {}", appealId, e.toString());
                    return Mono.empty();
                }))
                .then()
                .block();
    }

    private Mono<Void> send(OutboxEntry entry) {
        String binding = BINDINGS.get(entry.topic());
        if (binding == null) {
            return Mono.error(new IllegalStateException("No output binding for topic " + entry.topic()));
        }
        // The binding's producer is synchronous (it waits for acks=all), so the send runs off the Reactor threads.
        return Mono.fromRunnable(() -> {
                    if (!bridge.send(binding, EventMessages.toMessage(entry.key(), entry.headers(), entry.payloadBytes()))) {
                        throw new IllegalStateException("Kafka did not take event " + entry.eventId());
                    }
                    LOG.info("Published {} {} for appeal {}", entry.type(), entry.eventId(), entry.key());
                })
                .subscribeOn(Schedulers.boundedElastic())
                .then();
    }
}
