package gov.appeals.kit.messaging;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.messaging.Message;

import reactor.core.publisher.Mono;

/**
 * Builds every service's binder functions in one style: an imperative {@code Consumer<Message<byte[]>>} that reads
 * the event through the contract, runs the service's handler and waits for it, bounded, on the Kafka listener
 * thread (never a Reactor one). The offset is committed only after the handler's writes; a failure is retried by
 * the kit's error handler, holding the partition, and only an {@link UnprocessableMessageException} (or an
 * unreadable payload) goes to the dead-letter topic. The event's subject is in the log context while it runs.
 */
public class EventConsumers {

    private static final Logger LOG = LoggerFactory.getLogger(EventConsumers.class);

    private final Duration handlerTimeout;
    private final String subjectLogKey;

    public EventConsumers(Duration handlerTimeout, String subjectLogKey) {
        this.handlerTimeout = handlerTimeout;
        this.subjectLogKey = subjectLogKey;
    }

    public <T> Consumer<Message<byte[]>> of(EventReader<T> reader, Function<T, Mono<?>> handler) {
        return message -> {
            String type = CloudEvents.attribute(message.getHeaders(), CloudEvents.TYPE);
            String subject = CloudEvents.attribute(message.getHeaders(), CloudEvents.SUBJECT);
            if (subject != null) {
                MDC.put(subjectLogKey, subject);
            }
            try {
                Optional<T> event = read(reader, type, message.getPayload());
                if (event.isEmpty()) {
                    LOG.debug("Skipped a record of type {}: not one this service reads", type);
                    return;
                }
                // contextCapture: the consumer's observation (the trace the record carried) stays current in the
                // handler's operators, whichever thread they run on, so the events it causes continue that trace.
                handler.apply(event.get()).contextCapture().block(handlerTimeout);
            } finally {
                MDC.remove(subjectLogKey);
            }
        };
    }

    private static <T> Optional<T> read(EventReader<T> reader, String type, byte[] payload) {
        try {
            return reader.read(type, payload);
        } catch (IllegalArgumentException malformed) {
            throw new UnprocessableMessageException("Unreadable " + type + " payload: " + malformed.getMessage(),
                    malformed);
        }
    }
}
