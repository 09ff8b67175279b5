package gov.appeals.kit.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import reactor.core.publisher.Mono;

/**
 * Keeps an in-memory view of a whole topic in every instance of a service: a consumer without a group, assigned
 * every partition (so no rebalance, and every instance sees every record), that first notes where each partition
 * ends, then loads the view's snapshot from the store, then applies every record from the noted positions on. A
 * record both in the snapshot and after the noted positions is applied twice, so the handler must ignore what it
 * already holds (by version). The view is derived data: a handler that throws is logged and the record skipped,
 * never retried; the store stays the truth the view is checked against.
 *
 * @param <T> the contract's event type
 */
public class StreamFollower<T> implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(StreamFollower.class);
    private static final Duration POLL = Duration.ofSeconds(1);
    private static final Duration SNAPSHOT_TIMEOUT = Duration.ofMinutes(5);

    private final Map<String, Object> config;
    private final String topic;
    private final String name;
    private final Supplier<Mono<?>> snapshot;
    private final EventReader<T> reader;
    private final Consumer<T> handler;
    private volatile KafkaConsumer<byte[], byte[]> consumer;
    private volatile Thread thread;
    private volatile boolean running;
    private volatile boolean caughtUp;

    /**
     * @param name     names the thread and the client id
     * @param snapshot loads the view from the store; subscribed on the follower's own thread and waited for
     */
    public StreamFollower(String bootstrapServers, String topic, String name, Supplier<Mono<?>> snapshot,
                          EventReader<T> reader, Consumer<T> handler) {
        this.config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.CLIENT_ID_CONFIG, name,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        this.topic = topic;
        this.name = name;
        this.snapshot = snapshot;
        this.reader = reader;
        this.handler = handler;
    }

    /** Whether the snapshot is loaded: before that the view is incomplete and must not be answered from. */
    public boolean isCaughtUp() {
        return caughtUp;
    }

    @Override
    public void start() {
        running = true;
        thread = new Thread(this::run, name);
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void stop() {
        running = false;
        KafkaConsumer<byte[], byte[]> c = consumer;
        if (c != null) {
            c.wakeup();
        }
        Thread t = thread;
        if (t != null) {
            try {
                t.join(Duration.ofSeconds(10).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void run() {
        while (running) {
            try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(config)) {
                consumer = c;
                follow(c);
            } catch (WakeupException stopping) {
                return;
            } catch (RuntimeException e) {
                LOG.warn("{}: following {} failed, starting over in 5 s: {}", name, topic, e.toString());
                caughtUp = false;
                pause(Duration.ofSeconds(5));
            }
        }
    }

    private void follow(KafkaConsumer<byte[], byte[]> c) {
        List<TopicPartition> partitions = awaitPartitions(c);
        c.assign(partitions);
        c.seekToEnd(partitions);
        partitions.forEach(c::position);
        snapshot.get().block(SNAPSHOT_TIMEOUT);
        caughtUp = true;
        LOG.info("{}: snapshot loaded, following {} partitions of {}", name, partitions.size(), topic);
        while (running) {
            for (ConsumerRecord<byte[], byte[]> record : c.poll(POLL)) {
                apply(record);
            }
        }
    }

    private List<TopicPartition> awaitPartitions(KafkaConsumer<byte[], byte[]> c) {
        while (running) {
            List<TopicPartition> partitions = Optional.ofNullable(c.partitionsFor(topic)).orElse(List.of()).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            if (!partitions.isEmpty()) {
                return partitions;
            }
            pause(Duration.ofSeconds(1));
        }
        throw new WakeupException();
    }

    private void apply(ConsumerRecord<byte[], byte[]> record) {
        Header type = record.headers().lastHeader("ce_" + CloudEvents.TYPE);
        try {
            reader.read(type == null ? null : new String(type.value(), StandardCharsets.UTF_8), record.value())
                    .ifPresent(handler);
        } catch (RuntimeException e) {
            LOG.warn("{}: record {}-{} skipped: {}", name, record.partition(), record.offset(), e.toString());
        }
    }

    private void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
