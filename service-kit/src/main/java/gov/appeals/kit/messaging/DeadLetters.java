package gov.appeals.kit.messaging;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.KafkaHeaders;

import gov.appeals.kit.web.NotFoundException;
import gov.appeals.kit.web.Paging;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * This service's dead-letter topic for operators: list, show, replay. A replay publishes the original record (key,
 * headers, payload) to its original topic again, where every consumer reads it once more and ignores it where it
 * had already done its part (consumers are idempotent). Replaying the same letter twice publishes it once: the
 * replay is recorded in {@code dead_letter_replays}.
 */
public class DeadLetters {

    static final String REPLAYS = "dead_letter_replays";

    /** One dead letter: where it came from, what failed, and the record as it was. */
    public record Letter(String id, String originalTopic, Integer originalPartition, Long originalOffset,
                         Instant deadAt, String key, String eventId, String type, String subject, String error,
                         String errorClass, String payload, Instant replayedAt) {
    }

    /** @param replayed false when this letter had been replayed before (nothing was published this time) */
    public record Replay(String id, boolean replayed, Instant replayedAt) {
    }

    private final Map<String, Object> consumerConfig;
    private final String topic;
    private final KafkaTemplate<byte[], byte[]> kafka;
    private final ReactiveMongoTemplate mongo;
    private final Duration timeout;

    public DeadLetters(String bootstrapServers, MessagingProperties properties, KafkaTemplate<byte[], byte[]> kafka,
                       ReactiveMongoTemplate mongo) {
        this.consumerConfig = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) properties.replayTimeout().toMillis());
        this.topic = properties.deadLetterTopic();
        this.kafka = kafka;
        this.mongo = mongo;
        this.timeout = properties.replayTimeout();
    }

    public String topic() {
        return topic;
    }

    public Mono<Paging.Page<Letter>> list(Paging.Request request) {
        return Mono.fromCallable(this::readAll).subscribeOn(Schedulers.boundedElastic()).timeout(timeout)
                .flatMap(records -> {
                    List<ConsumerRecord<byte[], byte[]>> page = records.stream().skip(request.skip())
                            .limit(request.size()).toList();
                    return replays(page.stream().map(DeadLetters::id).toList())
                            .map(replays -> new Paging.Page<>(page.stream()
                                    .map(r -> letter(r, replays.get(id(r)))).toList(),
                                    request.page(), request.size(), records.size()));
                });
    }

    public Mono<Letter> show(String id) {
        return find(id).flatMap(record -> replays(List.of(id)).map(replays -> letter(record, replays.get(id))));
    }

    public Mono<Replay> replay(String id) {
        return find(id).flatMap(record -> replays(List.of(id)).flatMap(replays -> {
            Instant earlier = replays.get(id);
            if (earlier != null) {
                return Mono.just(new Replay(id, false, earlier));
            }
            Instant now = Instant.now();
            return Mono.defer(() -> Mono.fromFuture(kafka.send(original(record))))
                    .subscribeOn(Schedulers.boundedElastic())
                    .timeout(timeout)
                    .then(mongo.insert(new Document("_id", id).append("replayedAt", java.util.Date.from(now)),
                            REPLAYS))
                    .thenReturn(new Replay(id, true, now))
                    .onErrorResume(DuplicateKeyException.class, raced -> show(id)
                            .map(letter -> new Replay(id, false, letter.replayedAt())));
        }));
    }

    private Mono<ConsumerRecord<byte[], byte[]>> find(String id) {
        TopicPartition partition;
        long offset;
        try {
            int dash = id.lastIndexOf('-');
            partition = new TopicPartition(topic, Integer.parseInt(id.substring(0, dash)));
            offset = Long.parseLong(id.substring(dash + 1));
        } catch (RuntimeException e) {
            return Mono.error(new NotFoundException("No dead letter " + id + " (ids look like 0-42: partition-offset)"));
        }
        return Mono.fromCallable(() -> Optional.ofNullable(readOne(partition, offset)))
                .subscribeOn(Schedulers.boundedElastic()).timeout(timeout)
                .flatMap(Mono::justOrEmpty)
                .switchIfEmpty(Mono.error(() -> new NotFoundException("No dead letter " + id + " in " + topic)));
    }

    private List<ConsumerRecord<byte[], byte[]>> readAll() {
        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            List<TopicPartition> partitions = partitions(consumer);
            if (partitions.isEmpty()) {
                return List.of();
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }

    private ConsumerRecord<byte[], byte[]> readOne(TopicPartition partition, long offset) {
        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            if (partitions(consumer).stream().noneMatch(partition::equals)) {
                return null;
            }
            consumer.assign(List.of(partition));
            long end = consumer.endOffsets(List.of(partition)).get(partition);
            if (offset >= end) {
                return null;
            }
            consumer.seek(partition, offset);
            while (consumer.position(partition) <= offset) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.offset() == offset) {
                        return record;
                    }
                }
            }
            return null;
        }
    }

    private List<TopicPartition> partitions(KafkaConsumer<byte[], byte[]> consumer) {
        List<PartitionInfo> infos = consumer.listTopics().get(topic);
        return infos == null ? List.of()
                : infos.stream().map(i -> new TopicPartition(topic, i.partition()))
                .sorted(java.util.Comparator.comparingInt(TopicPartition::partition)).toList();
    }

    private KafkaConsumer<byte[], byte[]> consumer() {
        return new KafkaConsumer<>(new HashMap<>(consumerConfig), new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
    }

    private Mono<Map<String, Instant>> replays(List<String> ids) {
        return mongo.getCollection(REPLAYS)
                .flatMapMany(c -> c.find(new Document("_id", new Document("$in", ids))))
                .collectMap(d -> d.getString("_id"), d -> d.getDate("replayedAt").toInstant());
    }

    private static ProducerRecord<byte[], byte[]> original(ConsumerRecord<byte[], byte[]> letter) {
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(text(letter, KafkaHeaders.DLT_ORIGINAL_TOPIC),
                letter.key(), letter.value());
        for (Header header : letter.headers()) {
            if (!header.key().startsWith("kafka_dlt-")) {
                record.headers().add(header);
            }
        }
        return record;
    }

    static String id(ConsumerRecord<?, ?> record) {
        return record.partition() + "-" + record.offset();
    }

    private static Letter letter(ConsumerRecord<byte[], byte[]> r, Instant replayedAt) {
        Map<String, byte[]> headers = new HashMap<>();
        for (Header header : r.headers()) {
            headers.put(header.key(), header.value());
        }
        byte[] partition = headers.get(KafkaHeaders.DLT_ORIGINAL_PARTITION);
        byte[] offset = headers.get(KafkaHeaders.DLT_ORIGINAL_OFFSET);
        return new Letter(id(r), text(r, KafkaHeaders.DLT_ORIGINAL_TOPIC),
                partition == null || partition.length != 4 ? null : ByteBuffer.wrap(partition).getInt(),
                offset == null || offset.length != 8 ? null : ByteBuffer.wrap(offset).getLong(),
                Instant.ofEpochMilli(r.timestamp()),
                r.key() == null ? null : new String(r.key(), StandardCharsets.UTF_8),
                CloudEvents.attribute(headers, CloudEvents.ID), CloudEvents.attribute(headers, CloudEvents.TYPE),
                CloudEvents.attribute(headers, CloudEvents.SUBJECT),
                firstOf(text(r, RetryingErrorHandling.ERROR), text(r, KafkaHeaders.DLT_EXCEPTION_MESSAGE)),
                firstOf(text(r, RetryingErrorHandling.ERROR_CLASS), text(r, KafkaHeaders.DLT_EXCEPTION_FQCN)),
                r.value() == null ? null : new String(r.value(), StandardCharsets.UTF_8), replayedAt);
    }

    private static String firstOf(String a, String b) {
        return a != null ? a : b;
    }

    private static String text(ConsumerRecord<?, ?> record, String header) {
        Header h = record.headers().lastHeader(header);
        return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
