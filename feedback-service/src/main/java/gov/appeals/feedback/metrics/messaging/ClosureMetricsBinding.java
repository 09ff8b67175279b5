package gov.appeals.feedback.metrics.messaging;

import java.util.Optional;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import gov.appeals.events.AppealEvent;
import gov.appeals.events.EventCodec;
import gov.appeals.feedback.metrics.store.MetricsStore;
import gov.appeals.kit.messaging.EventConsumers;

/**
 * The closure metrics' own consumer of {@code appeals.events} (binding {@code closureMetrics-in-0}, group
 * {@code feedback-service-metrics}): a group of its own, so that it reads every partition beside the cases'
 * consumer instead of splitting them with it, and so that counting falls behind (a rebuild, a slow store) without
 * holding up answers and ratings.
 *
 * <p>A failure is retried by the kit's error handler like every binding's. An unreadable payload is skipped here,
 * not dead-lettered: the cases' consumer reads the same record and parks it in the service's one dead-letter topic,
 * and a replay from there reaches this group too. Dead-lettering it here as well would list every poison record
 * twice and, replayed twice, publish it twice.
 */
@Configuration(proxyBeanMethods = false)
public class ClosureMetricsBinding {

    private static final Logger LOG = LoggerFactory.getLogger(ClosureMetricsBinding.class);

    @Bean
    public Consumer<Message<byte[]>> closureMetrics(EventConsumers consumers, MetricsStore store) {
        return consumers.of(ClosureMetricsBinding::read, store::follow);
    }

    static Optional<AppealEvent> read(String type, byte[] payload) {
        try {
            return EventCodec.decode(type, payload);
        } catch (IllegalArgumentException unreadable) {
            LOG.warn("Skipped an unreadable {} record: the cases' consumer dead-letters it", type);
            return Optional.empty();
        }
    }
}
