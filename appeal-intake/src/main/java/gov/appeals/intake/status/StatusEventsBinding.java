package gov.appeals.intake.status;

import java.time.Duration;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import gov.appeals.events.CloudEventHeaders;
import gov.appeals.events.EventCodec;

/** The Kafka side of the status view: one consumer of appeals.assigned and appeals.lifecycle. */
@Configuration(proxyBeanMethods = false)
public class StatusEventsBinding {

    private static final Logger LOG = LoggerFactory.getLogger(StatusEventsBinding.class);
    private static final Duration WRITE_TIMEOUT = Duration.ofSeconds(30);

    @Bean
    public Consumer<Message<byte[]>> statusEvents(StatusProjection projection) {
        return message -> {
            String type = CloudEventHeaders.typeOf(message.getHeaders());
            EventCodec.decode(type, message.getPayload()).ifPresentOrElse(
                    // A Kafka listener thread, not a Reactor one: waiting for the write keeps the binder's retries
                    // and DLQ in charge of failures, and the offset is committed only after the write.
                    event -> projection.apply(event).block(WRITE_TIMEOUT),
                    () -> LOG.debug("Skipped a record of unknown type {}", type));
        };
    }
}
