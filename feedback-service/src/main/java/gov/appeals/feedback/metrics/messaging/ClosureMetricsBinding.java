package gov.appeals.feedback.metrics.messaging;

import java.util.function.Consumer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import gov.appeals.events.AppealNotified;
import gov.appeals.events.EventCodec;
import gov.appeals.feedback.metrics.store.MetricsStore;
import gov.appeals.kit.messaging.EventConsumers;
import gov.appeals.kit.messaging.EventReader;
import reactor.core.publisher.Mono;

/**
 * The closure metrics' own consumer of {@code appeals.events} (binding {@code closureMetrics-in-0}, group
 * {@code feedback-service-metrics}): a group of its own, so that it reads every partition beside the cases'
 * consumer instead of splitting them with it, and so that counting falls behind (a rebuild, a slow store) without
 * holding up answers and ratings.
 *
 * <p>A failure is retried by the kit's error handler like every binding's. An unreadable payload is skipped here
 * ({@link EventReader#skippingUnreadable}), not dead-lettered: the cases' consumer parks it in the service's one
 * dead-letter topic, and a replay from there reaches this group too.
 */
@Configuration(proxyBeanMethods = false)
public class ClosureMetricsBinding {

    @Bean
    public Consumer<Message<byte[]>> closureMetrics(EventConsumers consumers, MetricsStore store) {
        // What notification-service told whom counts in no metric: skipped without reading the store.
        return consumers.of(EventReader.skippingUnreadable(EventCodec::decode),
                event -> event instanceof AppealNotified ? Mono.empty() : store.follow(event));
    }
}
