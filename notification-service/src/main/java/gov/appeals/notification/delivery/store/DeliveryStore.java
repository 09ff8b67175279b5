package gov.appeals.notification.delivery.store;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.Comparator;
import java.util.List;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import gov.appeals.notification.delivery.Delivery;
import reactor.core.publisher.Mono;

/** The {@code appeal_deliveries} collection: one document per appeal, see {@link AppealDeliveries}. */
@Repository
public class DeliveryStore {

    private static final Comparator<Delivery> OLDEST_FIRST = Comparator.comparing(Delivery::deliveredAt)
            .thenComparingInt(Delivery::version);

    private final ReactiveMongoTemplate mongo;

    public DeliveryStore(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** @return whether this event of the appeal has been handled (called back or skipped) */
    public Mono<Boolean> isRecorded(String appealId, String eventId) {
        return mongo.exists(query(where("_id").is(appealId).and("deliveries.eventId").is(eventId)),
                AppealDeliveries.class);
    }

    /**
     * Appends the outcome to its appeal's document (creating it for the appeal's first event) in one single-document
     * update that matches only while the document does not hold the event yet. When it does, the update matches
     * nothing and its upsert collides with the existing {@code _id}: the outcome already there wins, since a
     * redelivery of the same event can only have found the same one.
     *
     * @return true when recorded now, false when the event was already recorded
     */
    public Mono<Boolean> record(Delivery delivery) {
        Update update = new Update()
                .setOnInsert("externalId", delivery.externalId())
                .push("deliveries", AppealDeliveries.Entry.of(delivery));
        return mongo.upsert(query(where("_id").is(delivery.appealId())
                                .and("deliveries.eventId").ne(delivery.eventId())), update, AppealDeliveries.class)
                .thenReturn(true)
                .onErrorResume(DuplicateKeyException.class, alreadyThere -> Mono.just(false));
    }

    /** @return what became of each handled event of the appeal, oldest first; empty when the appeal is unknown */
    public Mono<List<Delivery>> ofAppeal(String appealId) {
        return mongo.findById(appealId, AppealDeliveries.class)
                .map(appeal -> appeal.deliveries() == null ? List.<Delivery>of() : appeal.deliveries().stream()
                        .map(entry -> entry.toDelivery(appeal.appealId(), appeal.externalId()))
                        .sorted(OLDEST_FIRST)
                        .toList())
                .filter(deliveries -> !deliveries.isEmpty());
    }
}
