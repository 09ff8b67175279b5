package gov.appeals.intake.status.messaging;

import java.util.function.Consumer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import gov.appeals.events.EventCodec;
import gov.appeals.kit.messaging.EventConsumers;

/** Intake's one consumer of {@code appeals.events} (binding {@code statusEvents-in-0}): the status view. */
@Configuration(proxyBeanMethods = false)
public class StatusEventsBinding {

    @Bean
    public Consumer<Message<byte[]>> statusEvents(EventConsumers consumers, StatusProjection projection) {
        return consumers.of(EventCodec::decode, projection::apply);
    }
}
