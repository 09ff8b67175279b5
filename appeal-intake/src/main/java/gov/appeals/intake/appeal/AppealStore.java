package gov.appeals.intake.appeal;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;
import java.time.LocalDate;

import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import gov.appeals.events.AppealStatus;
import gov.appeals.events.Source;
import gov.appeals.intake.outbox.OutboxEntry;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** MongoDB access for appeals. Every write is one single-document update, guarded where a race is possible. */
@Repository
public class AppealStore {

    static final String COUNTERS = "counters";

    private final ReactiveMongoTemplate mongo;

    public AppealStore(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Creates the indexes once at startup; the unique one is what makes de-duplication race-safe. */
    public Mono<Void> createIndexes() {
        var ops = mongo.indexOps(AppealDocument.class);
        return ops.createIndex(new Index().on("source", Sort.Direction.ASC).on("externalId", Sort.Direction.ASC)
                        .unique().named("source_externalId"))
                .then(ops.createIndex(new Index().on("outbox.createdAt", Sort.Direction.ASC).sparse()
                        .named("outbox_pending")))
                .then();
    }

    /** @return the stored appeal, or an error with {@link DuplicateKeyException} when source+externalId exists */
    public Mono<AppealDocument> insert(AppealDocument appeal) {
        return mongo.insert(appeal);
    }

    public Mono<AppealDocument> findById(String id) {
        return mongo.findById(id, AppealDocument.class);
    }

    public Mono<AppealDocument> findByExternalId(Source source, String externalId) {
        return mongo.findOne(query(where("source").is(source).and("externalId").is(externalId)), AppealDocument.class);
    }

    /** The next number of the day's counter (1 for the first), created on first use. */
    public Mono<Long> nextSequence(LocalDate day) {
        Query counter = query(where("_id").is(day.toString()));
        Mono<Long> increment = mongo.findAndModify(counter, new Update().inc("seq", 1L),
                        FindAndModifyOptions.options().upsert(true).returnNew(true), Document.class, COUNTERS)
                .map(d -> ((Number) d.get("seq")).longValue());
        // Two first-of-the-day upserts can race to insert the counter; the loser's retry finds it and increments.
        return increment.onErrorResume(DuplicateKeyException.class, e -> increment);
    }

    /**
     * Applies one status change only if the appeal has not recorded it (its event id) and is older than it; the
     * timeline entry and the status fields land in one update, so they can never disagree.
     *
     * @return true when the appeal changed
     */
    public Mono<Boolean> applyNewer(String appealId, int version, AppealDocument.TimelineEntry entry, Update fields) {
        Query newerAndUnseen = query(where("_id").is(appealId).and("version").lt(version)
                .and("timeline.eventId").ne(entry.eventId()));
        return mongo.updateFirst(newerAndUnseen, fields.set("version", version).push("timeline", entry),
                AppealDocument.class).map(r -> r.getMatchedCount() > 0);
    }

    /** Records an event in the timeline unless it is there already; the status is left as it is. */
    public Mono<Boolean> addToTimeline(String appealId, AppealDocument.TimelineEntry entry) {
        Query unseen = query(where("_id").is(appealId).and("timeline.eventId").ne(entry.eventId()));
        return mongo.updateFirst(unseen, new Update().push("timeline", entry), AppealDocument.class)
                .map(r -> r.getMatchedCount() > 0);
    }

    public Mono<Boolean> exists(String appealId) {
        return mongo.exists(query(where("_id").is(appealId)), AppealDocument.class);
    }

    /**
     * Writes a rating and its event (of version {@code version + 1}) if the appeal is still RESPONDED at
     * {@code version} and unrated.
     *
     * @return the updated appeal, or empty when the guard failed (someone else changed it first)
     */
    public Mono<AppealDocument> rate(String appealId, int version, AppealDocument.StoredRating rating,
                                     AppealDocument.TimelineEntry entry, OutboxEntry event) {
        Query guard = query(where("_id").is(appealId).and("status").is(AppealStatus.RESPONDED)
                .and("version").is(version).and("rating").is(null));
        Update update = new Update().set("rating", rating).set("version", version + 1)
                .push("timeline", entry).push("outbox", event);
        return mongo.findAndModify(guard, update, FindAndModifyOptions.options().returnNew(true), AppealDocument.class);
    }

    /** Removes a published event from the outbox. */
    public Mono<Void> removeFromOutbox(String appealId, String eventId) {
        return mongo.updateFirst(query(where("_id").is(appealId)),
                new Update().pull("outbox", new Document("eventId", eventId)), AppealDocument.class).then();
    }

    /** Appeals with an event pending since before {@code cutoff}: the relay that should have sent it did not. */
    public Flux<AppealDocument> withPendingOutboxSince(Instant cutoff, int limit) {
        return mongo.find(query(where("outbox.createdAt").lt(cutoff)).limit(limit), AppealDocument.class);
    }
}
