package gov.appeals.kit.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.core.KafkaTemplate;

import gov.appeals.kit.outbox.OutboxEntry;
import io.micrometer.observation.Observation;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Sends stored events to Kafka: idempotent producer, acks=all, the record key and CloudEvents headers as stored. The
 * producer's {@code send} may wait for metadata while the broker is away (bounded by {@code max.block.ms}), so it is
 * called off the Reactor threads; the acknowledgement itself is awaited without a thread.
 */
public class EventPublisher {

    private final KafkaTemplate<byte[], byte[]> kafka;
    private final Duration timeout;

    public EventPublisher(KafkaTemplate<byte[], byte[]> kafka, Duration timeout) {
        this.kafka = kafka;
        this.timeout = timeout;
    }

    /** @param cause the observation the event continues (its trace), null for none */
    public Mono<Void> send(OutboxEntry entry, Observation cause) {
        return Mono.defer(() -> Mono.fromFuture(cause == null ? kafka.send(record(entry))
                        : cause.scoped(() -> kafka.send(record(entry)))))
                .subscribeOn(Schedulers.boundedElastic())
                .timeout(timeout)
                .then();
    }

    static ProducerRecord<byte[], byte[]> record(OutboxEntry entry) {
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(entry.topic(),
                entry.key().getBytes(StandardCharsets.UTF_8), entry.payloadBytes());
        entry.headers().forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        return record;
    }
}
