package gov.appeals.intake.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import gov.appeals.events.Topics;
import gov.appeals.intake.appeal.AppealDocument;
import gov.appeals.intake.appeal.AppealStore;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Publishes the events waiting in appeals' outboxes and removes each once Kafka acknowledged it. Right after a
 * write, and again from a periodic sweep for what a crash or a broker outage left pending. An event can be sent
 * twice (the sweep racing a slow relay, a crash between send and removal); it keeps its id, so consumers ignore
 * the second copy.
 */
@Component
public class OutboxRelay {

    static final String ACCEPTED_BINDING = "acceptedEvents";
    static final String LIFECYCLE_BINDING = "lifecycleEvents";

    private static final Logger LOG = LoggerFactory.getLogger(OutboxRelay.class);
    private static final int SWEEP_BATCH = 100;

    private final StreamBridge bridge;
    private final AppealStore store;
    private final Duration staleAfter;

    public OutboxRelay(StreamBridge bridge, AppealStore store,
                       @Value("${appeals.outbox.stale-after:5s}") Duration staleAfter) {
        this.bridge = bridge;
        this.store = store;
        this.staleAfter = staleAfter;
    }

    /** Publishes in the background: the HTTP response that caused the events does not wait for Kafka. */
    public void relayInBackground(AppealDocument appeal) {
        relay(appeal).subscribe(null, e -> LOG.warn("Outbox of appeal {} left for the sweep: {}", appeal.id(),
                e.toString()));
    }

    /** Publishes an appeal's pending events in order; stops at the first that fails, leaving it and the rest. */
    public Mono<Void> relay(AppealDocument appeal) {
        return Flux.fromIterable(appeal.outbox())
                .concatMap(entry -> Mono.fromRunnable(() -> send(entry))
                        // The binding's producer is synchronous, so send blocks until the broker acknowledges.
                        .subscribeOn(Schedulers.boundedElastic())
                        .then(store.removeFromOutbox(appeal.id(), entry.eventId())))
                .then();
    }

    @Scheduled(fixedDelayString = "${appeals.outbox.sweep-interval:5s}",
            initialDelayString = "${appeals.outbox.sweep-interval:5s}")
    public void sweep() {
        // A scheduler thread, not a Reactor one: waiting here holds up nothing but the next sweep.
        store.withPendingOutboxSince(Instant.now().minus(staleAfter), SWEEP_BATCH)
                .concatMap(appeal -> relay(appeal).onErrorResume(e -> {
                    LOG.warn("Outbox sweep could not publish for appeal {}: {}", appeal.id(), e.toString());
                    return Mono.empty();
                }))
                .then()
                .block(Duration.ofMinutes(1));
    }

    private void send(OutboxEntry entry) {
        Message<byte[]> message = MessageBuilder.withPayload(entry.payload().getBytes(StandardCharsets.UTF_8))
                .copyHeaders(entry.headers())
                .setHeader(KafkaHeaders.KEY, entry.key().getBytes(StandardCharsets.UTF_8))
                .build();
        if (!bridge.send(bindingFor(entry.topic()), message)) {
            throw new IllegalStateException("Kafka did not take event " + entry.eventId());
        }
        LOG.debug("Published {} {} for appeal {}", entry.type(), entry.eventId(), entry.key());
    }

    private static String bindingFor(String topic) {
        return switch (topic) {
            case Topics.ACCEPTED -> ACCEPTED_BINDING;
            case Topics.LIFECYCLE -> LIFECYCLE_BINDING;
            default -> throw new IllegalArgumentException("Intake does not publish to " + topic);
        };
    }
}
