package gov.appeals.kit;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.http.codec.CodecCustomizer;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.MicrometerProducerListener;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

import gov.appeals.kit.messaging.DeadLetterController;
import gov.appeals.kit.messaging.DeadLetters;
import gov.appeals.kit.messaging.EventConsumers;
import gov.appeals.kit.messaging.EventPublisher;
import gov.appeals.kit.messaging.MessagingProperties;
import gov.appeals.kit.messaging.RetryingErrorHandling;
import gov.appeals.kit.mongo.MongoPingHealth;
import gov.appeals.kit.mongo.MongoTimeouts;
import gov.appeals.kit.outbox.OutboxProperties;
import gov.appeals.kit.outbox.OutboxRelay;
import gov.appeals.kit.outbox.OutboxStore;
import gov.appeals.kit.startup.TrainingRun;
import gov.appeals.kit.web.ProblemAdvice;
import gov.appeals.kit.web.ProblemWebExceptionHandler;
import gov.appeals.kit.web.AnswerDeadline;
import gov.appeals.kit.web.RequestGuard;
import gov.appeals.kit.web.StrictJson;
import gov.appeals.kit.web.TextRules;
import gov.appeals.kit.web.TraceIdHeader;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import tools.jackson.databind.json.JsonMapper;

/** Everything the kit adds to a service, each part configured under {@code appeals.*}. */
@AutoConfiguration
@EnableScheduling
@EnableConfigurationProperties({KitProperties.class, MessagingProperties.class, OutboxProperties.class})
public class KitAutoConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(KitAutoConfiguration.class);

    /** Milliseconds, the precision MongoDB keeps: a time read back equals the time first reported. */
    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.tick(Clock.systemUTC(), Duration.ofMillis(1));
    }

    @Bean
    @ConditionalOnProperty(name = "appeals.startup.exit-when-ready", havingValue = "true")
    TrainingRun trainingRun() {
        return new TrainingRun();
    }

    @Bean
    TextRules textRules(KitProperties properties) {
        return new TextRules(properties.text().shortMax(), properties.text().longMax());
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
    static class Web {

        @Bean
        JsonMapperBuilderCustomizer strictJson() {
            return StrictJson.customizer();
        }

        @Bean
        CodecCustomizer requestBodyCap(KitProperties properties) {
            int max = (int) properties.http().maxRequestSize().toBytes();
            return configurer -> configurer.defaultCodecs().maxInMemorySize(max);
        }

        @Bean
        ProblemAdvice problemAdvice(KitProperties properties) {
            return new ProblemAdvice(properties.http().maxRequestSize().toBytes());
        }

        @Bean
        ProblemWebExceptionHandler problemWebExceptionHandler(JsonMapper json, KitProperties properties) {
            return new ProblemWebExceptionHandler(json, properties.http().maxRequestSize().toBytes());
        }

        @Bean
        TraceIdHeader traceIdHeader() {
            return new TraceIdHeader();
        }

        @Bean
        AnswerDeadline answerDeadline(KitProperties properties, ProblemWebExceptionHandler problems) {
            return new AnswerDeadline(properties.http().answerWithin(), problems);
        }

        @Bean
        RequestGuard requestGuard(KitProperties properties, ProblemWebExceptionHandler problems) {
            return new RequestGuard(properties.http().maxRequestSize().toBytes(), problems);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Store {

        @Bean
        @Order(Ordered.LOWEST_PRECEDENCE)
        MongoClientSettingsBuilderCustomizer mongoTimeouts(KitProperties properties) {
            KitProperties.Mongodb m = properties.mongodb();
            return new MongoTimeouts(m.connectTimeout(), m.socketTimeout(), m.serverSelectionTimeout(),
                    m.poolWaitTimeout()).customizer();
        }

        @Bean("mongoHealthIndicator")
        MongoPingHealth mongoHealthIndicator(ReactiveMongoTemplate mongo, KitProperties properties) {
            return new MongoPingHealth(mongo, properties.mongodb().socketTimeout());
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Messaging {

        @Bean
        KafkaTemplate<byte[], byte[]> appealsKafkaTemplate(
                @Value("${appeals.kafka.bootstrap-servers}") String bootstrapServers,
                MessagingProperties properties, ObjectProvider<MeterRegistry> meters) {
            Map<String, Object> config = new HashMap<>();
            config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
            config.put(ProducerConfig.ACKS_CONFIG, "all");
            config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            // send() waits for metadata while the broker is away; bounded, the outbox keeps what did not go.
            config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) properties.sendTimeout().toMillis());
            config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) properties.sendTimeout().toMillis());
            config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG,
                    (int) Math.min(properties.sendTimeout().toMillis(), 15_000));
            config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
            DefaultKafkaProducerFactory<byte[], byte[]> producers = new DefaultKafkaProducerFactory<>(config,
                    new ByteArraySerializer(), new ByteArraySerializer());
            // The producer's own metrics (kafka_producer_*: records sent, batch sizes, latency) on /actuator/prometheus.
            meters.ifAvailable(registry -> producers.addListener(new MicrometerProducerListener<>(registry)));
            KafkaTemplate<byte[], byte[]> template = new KafkaTemplate<>(producers);
            template.setObservationEnabled(true);
            return template;
        }

        @Bean
        EventPublisher eventPublisher(KafkaTemplate<byte[], byte[]> appealsKafkaTemplate,
                                      MessagingProperties properties) {
            return new EventPublisher(appealsKafkaTemplate, properties.sendTimeout());
        }

        @Bean
        EventConsumers eventConsumers(MessagingProperties properties) {
            return new EventConsumers(properties.handlerTimeout(), properties.subjectLogKey());
        }

        @Bean
        ThreadPoolTaskScheduler appealsRetryScheduler() {
            ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
            scheduler.setThreadNamePrefix("consumer-retry-");
            return scheduler;
        }

        @Bean
        RetryingErrorHandling retryingErrorHandling(MessagingProperties properties,
                                                    KafkaTemplate<byte[], byte[]> appealsKafkaTemplate,
                                                    ThreadPoolTaskScheduler appealsRetryScheduler) {
            return new RetryingErrorHandling(properties, appealsKafkaTemplate, appealsRetryScheduler);
        }

        /** The dead-letter topic exists before anything is dead-lettered, so that listing it never fails. */
        @Bean
        @ConditionalOnProperty(name = "appeals.messaging.create-dead-letter-topic", matchIfMissing = true)
        SmartInitializingSingleton deadLetterTopic(@Value("${appeals.kafka.bootstrap-servers}") String servers,
                                                   @Value("${appeals.kafka.replication-factor:1}") short replication,
                                                   MessagingProperties properties) {
            return () -> {
                try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, servers,
                        AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000,
                        AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000))) {
                    admin.createTopics(List.of(new NewTopic(properties.deadLetterTopic(), 1, replication)))
                            .all().get(20, java.util.concurrent.TimeUnit.SECONDS);
                } catch (java.util.concurrent.ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        LOG.warn("Could not create {}: {}", properties.deadLetterTopic(), e.getCause().toString());
                    }
                } catch (Exception e) {
                    LOG.warn("Could not create {}: {}", properties.deadLetterTopic(), e.toString());
                }
            };
        }

        @Bean
        DeadLetters deadLetters(@Value("${appeals.kafka.bootstrap-servers}") String servers,
                                MessagingProperties properties, KafkaTemplate<byte[], byte[]> appealsKafkaTemplate,
                                ReactiveMongoTemplate mongo) {
            return new DeadLetters(servers, properties, appealsKafkaTemplate, mongo);
        }

        @Bean
        @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
        DeadLetterController deadLetterController(DeadLetters deadLetters) {
            return new DeadLetterController(deadLetters);
        }

        @Bean
        @ConditionalOnBean(OutboxStore.class)
        OutboxRelay outboxRelay(OutboxStore store, EventPublisher publisher, OutboxProperties properties,
                                Clock clock, ObjectProvider<ObservationRegistry> observations) {
            return new OutboxRelay(store, publisher, properties, clock,
                    observations.getIfAvailable(() -> ObservationRegistry.NOOP));
        }
    }
}
