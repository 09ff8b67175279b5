package gov.appeals.notification.delivery.store;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.Comparator;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import gov.appeals.kit.mongo.GuardIndex;
import gov.appeals.notification.delivery.Delivery;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/** The {@code appeal_deliveries} collection: one document per appeal, see {@link AppealDeliveries}. */
@Repository
public class DeliveryStore {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryStore.class);

    private static final Comparator<Delivery> OLDEST_FIRST = Comparator.comparing(Delivery::deliveredAt)
            .thenComparingInt(Delivery::version);

    /** Two events of one appeal handled at once are rare (one partition per appeal): a few rereads settle it. */
    private static final int CONCURRENT_RETRIES = 10;

    private final ReactiveMongoTemplate mongo;

    public DeliveryStore(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** What the store held for one appeal when read: the guard of a write made on what was seen. */
    public record Seen(String appealId, AppealDeliveries document) {

        /** The department leading the appeal after the events handled so far, null when none. */
        public String lead() {
            return document == null ? null : document.lead();
        }

        /** @return whether this event of the appeal has been handled (called back or skipped) */
        public boolean holds(String eventId) {
            return document != null && document.deliveries() != null
                    && document.deliveries().stream().anyMatch(d -> d.eventId().equals(eventId));
        }
    }

    public Mono<Seen> read(String appealId) {
        return mongo.findById(appealId, AppealDeliveries.class).map(document -> new Seen(appealId, document))
                .defaultIfEmpty(new Seen(appealId, null));
    }

    /** @return whether this event of the appeal has been handled (called back or skipped) */
    public Mono<Boolean> isRecorded(String appealId, String eventId) {
        return read(appealId).map(seen -> seen.holds(eventId));
    }

    /**
     * Appends the outcome to its appeal's document (creating it for the appeal's first event), with the lead after the
     * event, in one single-document
     * write guarded by the number of events the document held when read, so two writers never lose each other's
     * outcome. An event already there is not appended again: the outcome already there wins, since a redelivery of
     * the same event can only have found the same one.
     *
     * @return true when recorded now, false when the event was already recorded
     */
    public Mono<Boolean> record(Delivery delivery, String lead) {
        return Mono.defer(() -> read(delivery.appealId()).flatMap(seen -> write(delivery, lead, seen)))
                .retryWhen(Retry.max(CONCURRENT_RETRIES).filter(ConcurrentChange.class::isInstance));
    }

    /** As {@link #record(Delivery, String)}, first trying a write guarded by what the caller read before. */
    public Mono<Boolean> record(Delivery delivery, String lead, Seen seen) {
        return write(delivery, lead, seen).onErrorResume(ConcurrentChange.class, changed -> record(delivery, lead));
    }

    private Mono<Boolean> write(Delivery delivery, String lead, Seen seen) {
        if (seen.holds(delivery.eventId())) {
            return Mono.just(false);
        }
        AppealDeliveries.Entry entry = AppealDeliveries.Entry.of(delivery);
        if (seen.document() == null) {
            return mongo.insert(new AppealDeliveries(delivery.appealId(), delivery.externalId(), List.of(entry), 1,
                            lead))
                    .thenReturn(true)
                    .onErrorMap(DuplicateKeyException.class, e -> new ConcurrentChange());
        }
        return append(seen.document(), entry, lead);
    }

    private Mono<Boolean> append(AppealDeliveries appeal, AppealDeliveries.Entry entry, String lead) {
        int held = appeal.deliveries() == null ? 0 : appeal.deliveries().size();
        Update update = new Update().push("deliveries", entry).set("handled", held + 1).set("lead", lead);
        return mongo.updateFirst(query(where("_id").is(appeal.appealId()).and("handled").is(appeal.handled())),
                        update, AppealDeliveries.class)
                .flatMap(result -> result.getModifiedCount() == 1 ? Mono.just(true)
                        : Mono.error(new ConcurrentChange()));
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

    /** Creates the index every guarded write uses (see {@link GuardIndex}). */
    @EventListener(ApplicationReadyEvent.class)
    public void createIndexes() {
        GuardIndex.ensure(mongo, AppealDeliveries.COLLECTION, "handled")
                .subscribe(name -> LOG.debug("Index {} ready", name),
                        e -> LOG.warn("Could not create the deliveries index: {}", e.toString()));
    }

    private static final class ConcurrentChange extends RuntimeException {
        ConcurrentChange() {
            super("deliveries changed concurrently", null, false, false);
        }
    }
}
