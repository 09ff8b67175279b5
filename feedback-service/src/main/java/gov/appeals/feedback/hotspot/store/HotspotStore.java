package gov.appeals.feedback.hotspot.store;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndReplaceOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

import gov.appeals.feedback.hotspot.StreetWatch;
import gov.appeals.kit.web.Paging;
import reactor.core.publisher.Mono;

/**
 * The {@code hotspots} collection: one document per category and street, its recent appeals and its latest
 * hotspot, written with a compare-and-set on {@code revision} (two acceptances of one street and category may be
 * followed at once on different partitions). {@code lastAt}, the latest hotspot's newest appeal, finds the open ones.
 */
@Repository
public class HotspotStore {

    private static final Logger LOG = LoggerFactory.getLogger(HotspotStore.class);
    private static final String COLLECTION = "hotspots";

    /** Another writer changed the watch since it was read: read and decide again. */
    public static final class ConcurrentWatchUpdate extends RuntimeException {
        ConcurrentWatchUpdate() {
            super("street watch changed concurrently", null, false, false);
        }
    }

    /** A watch as read, with the revision its write is guarded by (0: not stored yet). */
    public record StoredWatch(StreetWatch watch, long revision) {
    }

    record WatchDocument(@Id String id, String category, String street, List<StreetWatch.Sighting> recent,
                         StreetWatch.Hotspot current, Instant lastAt, long revision) {

        static WatchDocument of(StreetWatch watch, long revision) {
            return new WatchDocument(keyOf(watch.category(), watch.street()), watch.category(), watch.street(),
                    watch.recent(), watch.current(), watch.current() == null ? null : watch.current().lastAt(),
                    revision);
        }

        StreetWatch watch() {
            return new StreetWatch(category, street, recent == null ? List.of() : recent, current);
        }
    }

    private final ReactiveMongoTemplate mongo;

    public HotspotStore(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void createIndexes() {
        mongo.indexOps(COLLECTION).createIndex(new Index().on("lastAt", Sort.Direction.DESC).sparse().named("open"))
                .subscribe(name -> LOG.debug("Index {} ready", name),
                        e -> LOG.warn("Could not create the hotspot index: {}", e.toString()));
    }

    static String keyOf(String category, String street) {
        return category + "@" + street;
    }

    public Mono<StoredWatch> find(String category, String street) {
        return mongo.findById(keyOf(category, street), WatchDocument.class, COLLECTION)
                .map(doc -> new StoredWatch(doc.watch(), doc.revision()))
                .defaultIfEmpty(new StoredWatch(StreetWatch.start(category, street), 0));
    }

    /** @return empty when stored, {@link ConcurrentWatchUpdate} when the watch changed since {@code before} */
    public Mono<Void> save(StoredWatch before, StreetWatch after) {
        WatchDocument next = WatchDocument.of(after, before.revision() + 1);
        if (before.revision() == 0) {
            return mongo.insert(next, COLLECTION).then()
                    .onErrorMap(DuplicateKeyException.class, e -> new ConcurrentWatchUpdate());
        }
        Query guard = query(where("_id").is(next.id()).and("revision").is(before.revision()));
        return mongo.findAndReplace(guard, next, FindAndReplaceOptions.options(), WatchDocument.class, COLLECTION)
                .switchIfEmpty(Mono.error(new ConcurrentWatchUpdate()))
                .then();
    }

    /** The watches whose latest hotspot had an appeal after {@code since} (the open ones), latest first. */
    public Mono<Paging.Page<StreetWatch>> withHotspotSince(Instant since, Paging.Request paging) {
        Query open = query(where("lastAt").gt(since));
        Query page = Query.of(open).with(Sort.by(Sort.Order.desc("lastAt"), Sort.Order.asc("_id")))
                .skip(paging.skip()).limit(paging.size());
        return Mono.zip(mongo.find(page, WatchDocument.class, COLLECTION).map(WatchDocument::watch).collectList(),
                        mongo.count(open, COLLECTION))
                .map(t -> new Paging.Page<>(t.getT1(), paging.page(), paging.size(), t.getT2()));
    }
}
