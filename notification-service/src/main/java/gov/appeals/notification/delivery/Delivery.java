package gov.appeals.notification.delivery;

import java.time.Instant;

import gov.appeals.events.AppealEvent;
import gov.appeals.events.AppealStatus;

/**
 * What became of one event of one appeal: called back to 12345, or skipped because nobody there waits for it.
 *
 * @param status      the appeal's status the event announced
 * @param url         where the callback went (null when skipped)
 * @param httpStatus  what the 12345 system answered (null when skipped)
 * @param deliveredAt when the callback was confirmed, or the event skipped
 */
public record Delivery(String eventId, String appealId, String externalId, String type, AppealStatus status,
                       int version, Outcome outcome, String url, Integer httpStatus, Instant deliveredAt) {

    public enum Outcome {
        /** The 12345 system confirmed the callback with a 2xx answer. */
        DELIVERED,
        /** The appeal did not come in through 12345, so nobody there is waiting for it. */
        SKIPPED
    }

    public static Delivery delivered(AppealEvent event, String url, int httpStatus, Instant at) {
        return new Delivery(event.eventId(), event.appealId(), event.appeal().externalId(), event.type(),
                event.status(), event.version(), Outcome.DELIVERED, url, httpStatus, at);
    }

    public static Delivery skipped(AppealEvent event, Instant at) {
        return new Delivery(event.eventId(), event.appealId(), event.appeal().externalId(), event.type(),
                event.status(), event.version(), Outcome.SKIPPED, null, null, at);
    }
}
