package gov.appeals.notification.delivery;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import gov.appeals.events.AppealStatus;
import gov.appeals.notification.notice.Notice;

/**
 * What became of one event of one appeal: called back to 12345, or skipped because nobody there waits for it. Read
 * from the appeal's {@code CALLBACK} notices (see {@link CallbackNotices}), the one record of every callback.
 *
 * @param status      the appeal's status the event announced
 * @param url         where callbacks go, as configured now (null when skipped)
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

    private static final Comparator<Delivery> OLDEST_FIRST = Comparator.comparing(Delivery::deliveredAt)
            .thenComparingInt(Delivery::version);

    /**
     * What became of each event of an appeal, oldest first: its confirmed and skipped callbacks. A callback still
     * tried, parked or refused by 12345 is no delivery.
     *
     * @param notices     the appeal's notices, on every channel
     * @param callbackUrl where callbacks go
     */
    public static List<Delivery> of(List<Notice> notices, String callbackUrl) {
        return notices.stream()
                .filter(n -> n.channel() == Notice.Channel.CALLBACK)
                .filter(n -> n.state() == Notice.State.SENT || n.state() == Notice.State.SUPPRESSED)
                .map(n -> n.state() == Notice.State.SENT
                        ? of(n, Outcome.DELIVERED, callbackUrl, CallbackNotices.httpStatus(n.outcome()))
                        : of(n, Outcome.SKIPPED, null, null))
                .sorted(OLDEST_FIRST)
                .toList();
    }

    private static Delivery of(Notice n, Outcome outcome, String url, Integer httpStatus) {
        return new Delivery(n.eventId(), n.appealId(), n.appeal().externalId(), n.type(), n.status(), n.version(),
                outcome, url, httpStatus, n.settledAt());
    }
}
