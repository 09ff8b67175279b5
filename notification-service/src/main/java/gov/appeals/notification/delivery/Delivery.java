package gov.appeals.notification.delivery;

import java.net.URI;
import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

import gov.appeals.events.AppealEvent;
import gov.appeals.events.AppealStatus;

/**
 * What became of one event: keyed by its event id, so an event delivered twice is found here the second time and
 * not called back again.
 *
 * @param status     the appeal's status the event announced
 * @param url        where the callback went (null when skipped)
 * @param httpStatus what the 12345 system answered (null when skipped)
 * @param deliveredAt when the callback was confirmed, or the event skipped
 */
@Document("deliveries")
@CompoundIndex(name = "appeal_history", def = "{'appealId': 1, 'deliveredAt': 1}")
public record Delivery(@Id String eventId, String appealId, String externalId, String type, AppealStatus status,
                       int version, Outcome outcome, String url, Integer httpStatus, Instant deliveredAt) {

    public enum Outcome {
        /** The 12345 system confirmed the callback with a 2xx answer. */
        DELIVERED,
        /** The appeal did not come in through 12345, so nobody there is waiting for it. */
        SKIPPED
    }

    static Delivery delivered(AppealEvent event, URI url, int httpStatus, Instant at) {
        return new Delivery(event.eventId(), event.appealId(), event.appeal().externalId(), event.type(),
                event.status(), event.version(), Outcome.DELIVERED, url.toString(), httpStatus, at);
    }

    static Delivery skipped(AppealEvent event, Instant at) {
        return new Delivery(event.eventId(), event.appealId(), event.appeal().externalId(), event.type(),
                event.status(), event.version(), Outcome.SKIPPED, null, null, at);
    }
}
