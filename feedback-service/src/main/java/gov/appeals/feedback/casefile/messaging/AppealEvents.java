package gov.appeals.feedback.casefile.messaging;

import java.util.function.Consumer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import gov.appeals.events.EventCodec;
import gov.appeals.kit.messaging.EventConsumers;

/**
 * feedback-service's one consumer of {@code appeals.events} (binding {@code followAppeal-in-0}): keeps each case in
 * step and decides on ratings. It returns nothing: what a rating decides leaves through the case's outbox.
 */
@Configuration(proxyBeanMethods = false)
public class AppealEvents {

    @Bean
    public Consumer<Message<byte[]>> followAppeal(EventConsumers consumers, CaseFollowUp followUp) {
        return consumers.of(EventCodec::decode, followUp::follow);
    }
}
