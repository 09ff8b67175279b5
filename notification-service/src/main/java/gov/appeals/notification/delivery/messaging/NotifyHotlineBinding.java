package gov.appeals.notification.delivery.messaging;

import java.util.function.Consumer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import gov.appeals.events.EventCodec;
import gov.appeals.kit.messaging.EventConsumers;

/**
 * The service's one binder function, {@code notifyHotline} on {@code appeals.events}: every event of every appeal,
 * in order per appeal. Every type the contract knows is a stage 12345 hears about (or, for other channels, is
 * recorded as skipped); types it does not know are skipped by the kit.
 */
@Configuration(proxyBeanMethods = false)
public class NotifyHotlineBinding {

    @Bean
    public Consumer<Message<byte[]>> notifyHotline(EventConsumers consumers, HotlineNotifier notifier) {
        return consumers.of(EventCodec::decode, notifier::handle);
    }
}
