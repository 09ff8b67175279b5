package gov.appeals.kit;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code appeals.*} settings of the kit's web and store plumbing (messaging and the outbox have their own).
 *
 * @param http    request limits
 * @param text    free-text length rules
 * @param mongodb store timeouts
 */
@ConfigurationProperties("appeals")
public record KitProperties(@DefaultValue Http http, @DefaultValue Text text, @DefaultValue Mongodb mongodb) {

    /**
     * @param maxRequestSize the largest request body accepted, refused before it is read
     * @param answerWithin   how long a request may go unanswered before it is answered 503 (retry) instead; live
     *                       streams (Server-Sent Events) are exempt
     */
    public record Http(@DefaultValue("64KB") DataSize maxRequestSize, @DefaultValue("30s") Duration answerWithin) {
    }

    /** @param shortMax titles, names; @param longMax content, answers, comments (characters) */
    public record Text(@DefaultValue("100") int shortMax, @DefaultValue("4000") int longMax) {
    }

    public record Mongodb(@DefaultValue("5s") Duration connectTimeout, @DefaultValue("10s") Duration socketTimeout,
                          @DefaultValue("5s") Duration serverSelectionTimeout,
                          @DefaultValue("10s") Duration poolWaitTimeout) {
    }
}
