package gov.appeals.kit.messaging;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.BiFunction;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.stream.binder.kafka.ListenerContainerWithDlqAndRetryCustomizer;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.ContainerPausingBackOffHandler;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.ListenerContainerPauseService;
import org.springframework.kafka.listener.RetryListener;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * The failure policy of every consumer binding, instead of the binder's few quick retries then the DLQ: a failed
 * record is retried with capped exponential back-off for as long as {@code appeals.messaging.retry-for} (a store or
 * a downstream system that is away for minutes or hours), holding the partition so that the appeal's later events
 * wait behind it. The back-off pauses the partition rather than sleeping the consumer thread, so the consumer keeps
 * polling and the group does not rebalance. Only a message that can never succeed
 * ({@link UnprocessableMessageException}) goes to the dead-letter topic straight away, with its error in headers.
 */
public class RetryingErrorHandling implements ListenerContainerWithDlqAndRetryCustomizer {

    /** Dead-letter headers: why the message could not be processed, and the exception class that said so. */
    public static final String ERROR = "appeals-error";
    public static final String ERROR_CLASS = "appeals-error-class";

    private static final Logger LOG = LoggerFactory.getLogger(RetryingErrorHandling.class);

    private final MessagingProperties properties;
    private final KafkaTemplate<byte[], byte[]> deadLetters;
    private final TaskScheduler scheduler;

    public RetryingErrorHandling(MessagingProperties properties, KafkaTemplate<byte[], byte[]> deadLetters,
                                 TaskScheduler scheduler) {
        this.properties = properties;
        this.deadLetters = deadLetters;
        this.scheduler = scheduler;
    }

    @Override
    public boolean retryAndDlqInBinding(String destination, String group) {
        return false;
    }

    @Override
    public void configure(AbstractMessageListenerContainer<?, ?> container, String destination, String group,
                          BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> dlqDestinationResolver,
                          BackOff backOff) {
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(deadLetters,
                (record, error) -> new TopicPartition(properties.deadLetterTopic(), -1));
        // The listener's own exception only says that the handler failed; operators need the reason.
        recoverer.setHeadersFunction((record, error) -> {
            Throwable cause = reason(error);
            RecordHeaders headers = new RecordHeaders();
            headers.add(ERROR, String.valueOf(cause.getMessage()).getBytes(StandardCharsets.UTF_8));
            headers.add(ERROR_CLASS, cause.getClass().getName().getBytes(StandardCharsets.UTF_8));
            return headers;
        });
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, backOff(),
                new ContainerPausingBackOffHandler(new ListenerContainerPauseService(null, scheduler)));
        handler.setClassifications(Map.of(UnprocessableMessageException.class, false), true);
        handler.setRetryListeners(new RetryListener() {
            @Override
            public void failedDelivery(ConsumerRecord<?, ?> record, Exception error, int attempt) {
                if (!(reason(error) instanceof UnprocessableMessageException)) {
                    LOG.warn("Attempt {} at {}-{}@{} failed, retrying: {}", attempt, record.topic(),
                            record.partition(), record.offset(), reason(error).toString());
                }
            }

            @Override
            public void recovered(ConsumerRecord<?, ?> record, Exception error) {
                LOG.error("Dead-lettered {}-{}@{} to {}: {}", record.topic(), record.partition(), record.offset(),
                        properties.deadLetterTopic(), reason(error).toString());
            }
        });
        container.setCommonErrorHandler(handler);
    }

    private BackOff backOff() {
        ExponentialBackOff backOff = new ExponentialBackOff(properties.retryInitial().toMillis(),
                properties.retryMultiplier());
        backOff.setMaxInterval(properties.retryMax().toMillis());
        backOff.setJitter(properties.retryJitter().toMillis());
        backOff.setMaxElapsedTime(properties.retryFor().toMillis());
        return backOff;
    }

    /** The exception that says why: the kit's own, else the deepest cause. */
    static Throwable reason(Throwable error) {
        Throwable root = error;
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof UnprocessableMessageException) {
                return t;
            }
            root = t;
        }
        return root;
    }
}
