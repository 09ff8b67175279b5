package gov.appeals.feedback;

import java.util.function.Consumer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import gov.appeals.events.AppealNotified;
import gov.appeals.events.EventCodec;
import gov.appeals.feedback.casefile.messaging.CaseFollowUp;
import gov.appeals.feedback.hotspot.messaging.HotspotWatch;
import gov.appeals.kit.messaging.EventConsumers;
import reactor.core.publisher.Mono;

/**
 * feedback-service's one consumer of {@code appeals.events} (binding {@code followAppeal-in-0}, one group, one
 * dead-letter topic): each event keeps its case in step (and a rating is decided), then an acceptance is added to
 * its street's hotspot watch. One consumer rather than one per feature: the case exists before a hotspot is
 * announced on it, an event is parked at most once, and a replay reaches every feature once. Each step is
 * idempotent, so a retry after the second failed repeats the first harmlessly. Nothing is returned: what is decided
 * leaves through the case's outbox.
 */
@Configuration(proxyBeanMethods = false)
class FeedbackEventsConfiguration {

    @Bean
    Consumer<Message<byte[]>> followAppeal(EventConsumers consumers, CaseFollowUp followUp, HotspotWatch hotspots) {
        // What notification-service told whom changes no case and no hotspot: skipped without reading the store.
        return consumers.of(EventCodec::decode, event -> event instanceof AppealNotified ? Mono.empty()
                : followUp.follow(event).then(hotspots.see(event)));
    }
}
