package gov.appeals.testsupport;

import java.net.InetSocketAddress;
import java.util.UUID;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * The real Kafka broker and MongoDB server integration tests run against, started once per JVM. Picks, in order:
 * <ol>
 *   <li>endpoints from {@code KAFKA_BOOTSTRAP_SERVERS} and {@code MONGODB_URI} (a cluster someone already runs);</li>
 *   <li>Testcontainers ({@code apache/kafka}, {@code mongo} as a replica set) when a Docker daemon answers;</li>
 *   <li>embedded: a KRaft-mode Kafka broker in this JVM and {@code mongo-java-server} on its memory backend.</li>
 * </ol>
 * It prints which one ran, so a green build never hides what it was green against.
 */
public final class TestInfrastructure {

    /** Where tests connect; {@code kind} says which of the three ran. */
    public record Endpoints(String kind, String kafkaBootstrapServers, String mongoUri) {

        /** A MongoDB connection string for one database (each test class takes its own). */
        public String mongoUri(String database) {
            String base = mongoUri.endsWith("/") ? mongoUri.substring(0, mongoUri.length() - 1) : mongoUri;
            int query = base.indexOf('?');
            return query < 0 ? base + "/" + database : base.substring(0, query) + "/" + database + base.substring(query);
        }
    }

    private static Endpoints endpoints;

    private TestInfrastructure() {
    }

    public static synchronized Endpoints start() {
        if (endpoints == null) {
            endpoints = pick();
            System.out.printf("%n[test-infrastructure] %s: Kafka at %s, MongoDB at %s%n%n",
                    endpoints.kind(), endpoints.kafkaBootstrapServers(), endpoints.mongoUri());
        }
        return endpoints;
    }

    /**
     * Points a Spring Boot service at the infrastructure, with a database of its own so test classes do not see
     * each other's data. Use from a {@code @DynamicPropertySource} method.
     */
    public static void register(DynamicPropertyRegistry registry, String databasePrefix) {
        Endpoints e = start();
        String database = databasePrefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        registry.add("spring.mongodb.uri", () -> e.mongoUri(database));
        registry.add("spring.cloud.stream.kafka.binder.brokers", e::kafkaBootstrapServers);
        registry.add("spring.kafka.bootstrap-servers", e::kafkaBootstrapServers);
        registry.add("appeals.kafka.bootstrap-servers", e::kafkaBootstrapServers);
    }

    private static Endpoints pick() {
        String kafka = System.getenv("KAFKA_BOOTSTRAP_SERVERS");
        String mongo = System.getenv("MONGODB_URI");
        if (notBlank(kafka) && notBlank(mongo)) {
            return new Endpoints("external (KAFKA_BOOTSTRAP_SERVERS, MONGODB_URI)", kafka, mongo);
        }
        if (dockerAnswers()) {
            KafkaContainer kafkaContainer = new KafkaContainer("apache/kafka:4.1.2");
            MongoDBContainer mongoContainer = new MongoDBContainer("mongo:8.0");
            kafkaContainer.start();
            mongoContainer.start();
            return new Endpoints("Testcontainers (apache/kafka, mongo replica set)",
                    kafkaContainer.getBootstrapServers(), mongoContainer.getConnectionString());
        }
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 3);
        broker.brokerProperty("auto.create.topics.enable", "true");
        broker.afterPropertiesSet();
        MongoServer mongoServer = new MongoServer(new MemoryBackend());
        InetSocketAddress address = mongoServer.bind();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            mongoServer.shutdownNow();
            broker.destroy();
        }, "test-infrastructure-stop"));
        // The services bound their own waits on the store (the kit's appeals.mongodb.* timeouts).
        return new Endpoints("embedded (Kafka KRaft broker in-JVM, mongo-java-server memory backend)",
                broker.getBrokersAsString(), "mongodb://127.0.0.1:" + address.getPort());
    }

    private static boolean dockerAnswers() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
