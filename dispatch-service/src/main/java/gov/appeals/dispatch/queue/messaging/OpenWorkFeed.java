package gov.appeals.dispatch.queue.messaging;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import gov.appeals.dispatch.queue.OpenWork;
import gov.appeals.dispatch.queue.store.AssignmentStore;
import gov.appeals.events.AppealEvent;
import gov.appeals.events.EventCodec;
import gov.appeals.events.Topics;
import gov.appeals.kit.messaging.StreamFollower;
import reactor.core.publisher.Mono;

/**
 * Feeds the in-memory queues ({@link OpenWork}) of this instance: a snapshot of the stored open work, then every
 * event of every appeal from the whole stream (not only this instance's partitions), so that any instance answers
 * any unit's queue. This instance's own writes are put in directly as well, so a change shows in its queues without
 * waiting for its event to come back.
 */
@Configuration(proxyBeanMethods = false)
public class OpenWorkFeed {

    private static final Logger log = LoggerFactory.getLogger(OpenWorkFeed.class);

    @Bean
    OpenWork openWork() {
        return new OpenWork();
    }

    @Bean
    StreamFollower<AppealEvent> openWorkFollower(@Value("${appeals.kafka.bootstrap-servers}") String servers,
                                                 OpenWork openWork, AssignmentStore store) {
        return new StreamFollower<>(servers, Topics.EVENTS, "dispatch-open-work",
                () -> store.openOrAnswered()
                        .doOnNext(document -> openWork.put(OpenWork.Item.of(document.assignment())))
                        .then(Mono.fromRunnable(() -> {
                            openWork.markLoaded();
                            log.info("Queues loaded: {} appeals open or awaiting their rating", openWork.size());
                        })),
                EventCodec::decode, openWork::apply);
    }
}
