package gov.appeals.notification.delivery.store;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import gov.appeals.events.AppealStatus;
import gov.appeals.notification.delivery.Delivery;

/**
 * One document per appeal ({@code _id} = the appeal id) holding what became of each of its events, in the order
 * they were handled. Bounded by the appeal's history (a handful of stages, a few more per reopening), so the
 * store never grows by more than the appeals it has seen, and the dedupe check is a look into one document.
 *
 * @param externalId the 12345 work order (null for appeals from other channels)
 * @param handled    how many events it holds: the guard of every write (null in documents written before it existed)
 * @param lead       the department leading the appeal after the last event handled, which each callback names
 */
@Document(AppealDeliveries.COLLECTION)
public record AppealDeliveries(@Id String appealId, String externalId, List<Entry> deliveries, Integer handled,
                               String lead) {

    public static final String COLLECTION = "appeal_deliveries";

    /** One event of the appeal; {@code eventId} is unique within the document (the update's guard keeps it so). */
    public record Entry(String eventId, String type, AppealStatus status, int version, Delivery.Outcome outcome,
                        String url, Integer httpStatus, Instant deliveredAt) {

        static Entry of(Delivery d) {
            return new Entry(d.eventId(), d.type(), d.status(), d.version(), d.outcome(), d.url(), d.httpStatus(),
                    d.deliveredAt());
        }

        Delivery toDelivery(String appealId, String externalId) {
            return new Delivery(eventId, appealId, externalId, type, status, version, outcome, url, httpStatus,
                    deliveredAt);
        }
    }
}
