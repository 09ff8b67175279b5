package gov.appeals.notification.inbox.messaging;

import java.util.function.Consumer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import gov.appeals.events.EventCodec;
import gov.appeals.kit.messaging.EventConsumers;

/**
 * The inbox's binder function, {@code fillInboxes} on {@code appeals.events} in its own group
 * ({@code notification-service-inbox}): every event of every appeal, those no inbox is told of skipped.
 */
@Configuration(proxyBeanMethods = false)
public class FillInboxesBinding {

    @Bean
    public Consumer<Message<byte[]>> fillInboxes(EventConsumers consumers, InboxFiller filler) {
        return consumers.of(EventCodec::decode, filler::handle);
    }
}
