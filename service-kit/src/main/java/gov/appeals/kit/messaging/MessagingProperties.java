package gov.appeals.kit.messaging;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code appeals.messaging.*}.
 *
 * @param deadLetterTopic  this service's dead-letter topic (one per consumer group)
 * @param retryInitial     the first pause after a failed attempt
 * @param retryMultiplier  how much longer each next pause is
 * @param retryMax         the longest pause between two attempts
 * @param retryJitter      each pause is moved by up to this much either way at random, so that the consumers a
 *                         shared outage stopped do not all come back in the same instant
 * @param retryFor         how long a transient failure is retried before the message is dead-lettered
 * @param handlerTimeout   the most one handler may take for one message before the attempt counts as failed
 * @param sendTimeout      the most one publish may wait for the broker's acknowledgement
 * @param subjectLogKey    the log context key the event's subject (the aggregate id) is put under
 * @param replayTimeout    the most reading or replaying dead letters may take
 */
@ConfigurationProperties("appeals.messaging")
public record MessagingProperties(String deadLetterTopic,
                                  @DefaultValue("500ms") Duration retryInitial,
                                  @DefaultValue("2.0") double retryMultiplier,
                                  @DefaultValue("60s") Duration retryMax,
                                  @DefaultValue("250ms") Duration retryJitter,
                                  @DefaultValue("7d") Duration retryFor,
                                  @DefaultValue("60s") Duration handlerTimeout,
                                  @DefaultValue("30s") Duration sendTimeout,
                                  @DefaultValue("subject") String subjectLogKey,
                                  @DefaultValue("20s") Duration replayTimeout) {
}
