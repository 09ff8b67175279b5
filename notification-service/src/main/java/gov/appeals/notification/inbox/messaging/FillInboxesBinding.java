package gov.appeals.notification.inbox.messaging;

import java.util.function.Consumer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import gov.appeals.events.EventCodec;
import gov.appeals.kit.messaging.EventConsumers;
import gov.appeals.kit.messaging.EventReader;

/**
 * The inbox's binder function, {@code fillInboxes} on {@code appeals.events} in its own group
 * ({@code notification-service-inbox}): every event of every appeal, those no inbox is told of skipped.
 *
 * <p>A record that does not read is skipped here, not dead-lettered: the service's main binding
 * ({@code notifyHotline}) dead-letters it to the service's one dead-letter topic, once; a second letter of the same
 * record from this group would make operators replay it twice. A replayed record reaches this group too.
 */
@Configuration(proxyBeanMethods = false)
public class FillInboxesBinding {

    @Bean
    public Consumer<Message<byte[]>> fillInboxes(EventConsumers consumers, InboxFiller filler) {
        return consumers.of(EventReader.skippingUnreadable(EventCodec::decode), filler::handle);
    }
}
