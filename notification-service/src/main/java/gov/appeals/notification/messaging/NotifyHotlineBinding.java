package gov.appeals.notification.messaging;

import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import gov.appeals.notification.delivery.HotlineNotifier;

/**
 * Binding {@code notifyHotline-in-0}: every topic that announces a stage change. Imperative on purpose, so that an
 * exception (12345 down) gets the binder's retries and finally the dead-letter topic.
 */
@Configuration(proxyBeanMethods = false)
public class NotifyHotlineBinding {

    private static final Logger log = LoggerFactory.getLogger(NotifyHotlineBinding.class);

    @Bean
    public Consumer<Message<byte[]>> notifyHotline(HotlineNotifier notifier) {
        return message -> IncomingEvents.decode(message).ifPresentOrElse(notifier::handle,
                () -> log.debug("Skipping event of unknown type {}", IncomingEvents.type(message)));
    }
}
