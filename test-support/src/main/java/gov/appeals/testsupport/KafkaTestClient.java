package gov.appeals.testsupport;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.LinkedHashMap;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import gov.appeals.events.AppealEvent;
import gov.appeals.events.CloudEventHeaders;
import gov.appeals.events.EventCodec;
import gov.appeals.events.EventEnvelope;

/**
 * A plain Kafka client for tests: publishes events exactly as a producing service would (so a test can deliver
 * one twice) and reads what a service published, decoded through the contract.
 */
public final class KafkaTestClient {

    /**
     * One record as read from a topic: its key, headers and decoded event — null for unknown types and for payloads
     * that do not decode, which is what a dead-letter topic holds.
     */
    public record Received(String topic, String key, Map<String, String> headers, AppealEvent event, byte[] payload) {
        public String header(String name) {
            return headers.get(name);
        }
    }

    private final String bootstrapServers;

    public KafkaTestClient(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    public static KafkaTestClient forTestInfrastructure() {
        return new KafkaTestClient(TestInfrastructure.start().kafkaBootstrapServers());
    }

    public void publish(AppealEvent event, String producer) {
        publish(EventEnvelope.of(event, producer));
    }

    public void publish(EventEnvelope envelope) {
        publishAll(List.of(envelope));
    }

    /**
     * Publishes the envelopes in this order through one producer (a producer a record costs a connection each), each
     * acknowledged before the next is sent, so records with one key stand on their partition in this order.
     */
    public void publishAll(List<EventEnvelope> envelopes) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, byte[]> producer =
                     new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
            for (EventEnvelope envelope : envelopes) {
                ProducerRecord<String, byte[]> record =
                        new ProducerRecord<>(envelope.topic(), envelope.key(), envelope.payload());
                envelope.headers().forEach((k, v) -> record.headers().add(k, v.getBytes(StandardCharsets.UTF_8)));
                try {
                    producer.send(record).get();
                } catch (Exception e) {
                    throw new IllegalStateException("Could not publish to " + envelope.topic(), e);
                }
            }
        }
    }

    /** Reads {@code topics} from the beginning until a record matches or {@code timeout} passes. */
    public Optional<Received> awaitFirst(Duration timeout, Predicate<Received> match, String... topics) {
        List<Received> found = readUntil(timeout, match, topics);
        return found.stream().filter(match).findFirst();
    }

    /** Every record on {@code topics} that matches, read from the beginning for {@code duration}. */
    public List<Received> readAll(Duration duration, Predicate<Received> match, String... topics) {
        List<Received> all = readUntil(duration, r -> false, topics);
        return all.stream().filter(match).toList();
    }

    private List<Received> readUntil(Duration timeout, Predicate<Received> stop, String... topics) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        List<Received> received = new ArrayList<>();
        Instant end = Instant.now().plus(timeout);
        try (KafkaConsumer<String, byte[]> consumer =
                     new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topics));
            while (Instant.now().isBefore(end)) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    Received one = toReceived(r);
                    received.add(one);
                    if (stop.test(one)) {
                        return received;
                    }
                }
            }
        }
        return received;
    }

    private static Received toReceived(ConsumerRecord<String, byte[]> r) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header h : r.headers()) {
            headers.put(h.key(), h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8));
        }
        String type = headers.get(CloudEventHeaders.TYPE);
        AppealEvent event = null;
        if (EventCodec.isKnownType(type)) {
            try {
                event = EventCodec.decode(type, r.value()).orElse(null);
            } catch (IllegalArgumentException malformed) {
                event = null;
            }
        }
        return new Received(r.topic(), r.key(), headers, event, r.value());
    }
}
