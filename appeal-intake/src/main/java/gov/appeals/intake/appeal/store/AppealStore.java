package gov.appeals.intake.appeal.store;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;

import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import gov.appeals.events.AppealStatus;
import gov.appeals.events.Source;
import gov.appeals.intake.appeal.Stage;
import gov.appeals.intake.appeal.StatusView;
import gov.appeals.kit.mongo.GuardIndex;
import gov.appeals.kit.outbox.OutboxEntry;
import gov.appeals.kit.outbox.OutboxStore;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** MongoDB access for appeals. Every write is one single-document update, guarded where a race is possible. */
@Repository
public class AppealStore implements OutboxStore {

    static final String COUNTERS = "counters";

    private final ReactiveMongoTemplate mongo;

    public AppealStore(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * Creates the indexes once at startup: the unique source+externalId one makes de-duplication race-safe, the guard
     * one serves every write guarded by revision (see {@link GuardIndex}); enterprise+acceptedAt serves an
     * enterprise's file (newest first).
     */
    public Mono<Void> createIndexes() {
        var ops = mongo.indexOps(AppealDocument.class);
        return ops.createIndex(new Index().on("source", Sort.Direction.ASC).on("externalId", Sort.Direction.ASC)
                        .unique().named("source_externalId"))
                .then(ops.createIndex(GuardIndex.on("revision")))
                .then(ops.createIndex(new Index().on("outbox.createdAt", Sort.Direction.ASC).sparse()
                        .named("outbox_pending")))
                .then(ops.createIndex(new Index().on("source", Sort.Direction.ASC)
                        .on("acceptedAt", Sort.Direction.DESC).named("source_acceptedAt")))
                .then(ops.createIndex(new Index().on("enterprise.creditCode", Sort.Direction.ASC)
                        .on("acceptedAt", Sort.Direction.DESC).named("enterprise_acceptedAt")))
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

    /**
     * A source's appeals, newest first, bounded by {@code limit}: by id when {@code ids} is not empty (the other
     * filters then do not apply), else accepted in {@code [from, to)} and, where given, of the category and statuses.
     */
    public Flux<AppealDocument> findOfSource(Source source, List<String> ids, String category,
                                             List<AppealStatus> statuses, Instant from, Instant to, int limit) {
        Criteria criteria = where("source").is(source);
        if (!ids.isEmpty()) {
            criteria = criteria.and("_id").in(ids);
        } else {
            criteria = criteria.and("acceptedAt").gte(from).lt(to);
            if (category != null) {
                criteria = criteria.and("category").is(category);
            }
            if (statuses != null) {
                criteria = criteria.and("status").in(statuses);
            }
        }
        return mongo.find(query(criteria).with(Sort.by(Sort.Direction.DESC, "acceptedAt")).limit(limit),
                AppealDocument.class);
    }

    /** An enterprise's appeals (by {@code enterprise.creditCode}), newest first, bounded by {@code limit}. */
    public Flux<AppealDocument> findOfEnterprise(String creditCode, int limit) {
        return findOfEnterprise(creditCode, null, limit);
    }

    /**
     * As {@link #findOfEnterprise(String, int)}, only those {@code department} leads or co-handles when it is not
     * null (the limit then counts that department's appeals).
     */
    public Flux<AppealDocument> findOfEnterprise(String creditCode, String department, int limit) {
        Criteria criteria = where("enterprise.creditCode").is(creditCode);
        if (department != null) {
            criteria = criteria.orOperator(where("leadDepartment").is(department),
                    where("coHandlers").is(department));
        }
        return mongo.find(query(criteria).with(Sort.by(Sort.Direction.DESC, "acceptedAt")).limit(limit),
                AppealDocument.class);
    }

    /** What a repeat check compares of an earlier appeal. */
    public record RecentAppeal(String id, Instant acceptedAt, String repeatOf, List<String> words) {
    }

    /** An enterprise's appeals accepted since {@code since}, newest first, at most {@code limit}. */
    public Flux<RecentAppeal> findRecentOfEnterprise(String creditCode, Instant since, int limit) {
        Query recent = query(where("enterprise.creditCode").is(creditCode).and("acceptedAt").gte(since))
                .with(Sort.by(Sort.Direction.DESC, "acceptedAt")).limit(limit);
        recent.fields().include("_id", "acceptedAt", "repeatOf", "words");
        return mongo.find(recent, Document.class, AppealDocument.COLLECTION)
                .map(d -> new RecentAppeal(d.getString("_id"), toInstant(d.get("acceptedAt")), d.getString("repeatOf"),
                        d.getList("words", String.class)));
    }

    private static Instant toInstant(Object date) {
        return date instanceof Date d ? d.toInstant() : null;
    }

    /**
     * Takes {@code size} numbers of the day's counter at once (created on first use).
     *
     * @return the last number of the block taken: the block is {@code last - size + 1 .. last}
     */
    public Mono<Long> takeNumbers(LocalDate day, int size) {
        Query counter = query(where("_id").is(day.toString()));
        Mono<Long> increment = mongo.findAndModify(counter, new Update().inc("seq", (long) size),
                        FindAndModifyOptions.options().upsert(true).returnNew(true), Document.class, COUNTERS)
                .map(d -> ((Number) d.get("seq")).longValue());
        // Two first-of-the-day upserts can race to insert the counter; the loser's retry finds it and increments.
        return increment.onErrorResume(DuplicateKeyException.class, e -> increment);
    }

    /**
     * Adds a stage and the view folded with it, if the appeal is still at {@code revision} (the caller read it there
     * and found the stage's event not yet recorded): the timeline and the view land in one update, so they can never
     * disagree.
     *
     * @return true when written; false when the appeal changed since it was read (read again and fold again)
     */
    public Mono<Boolean> record(String appealId, long revision, Stage stage, StatusView view) {
        Query unchanged = query(where("_id").is(appealId).and("revision").is(revision));
        Update update = viewFields(view).push("timeline", stage).inc("revision", 1);
        return mongo.updateFirst(unchanged, update, AppealDocument.class).map(r -> r.getModifiedCount() > 0);
    }

    /**
     * Writes a rating stage, the view with it and the AppealRated event if the appeal is still at {@code revision},
     * where the caller found it RESPONDED and unrated.
     *
     * @return the updated appeal, or empty when the guard failed (someone else changed it first)
     */
    public Mono<AppealDocument> rate(String appealId, long revision, Stage stage, StatusView view,
                                     OutboxEntry event) {
        Query guard = query(where("_id").is(appealId).and("revision").is(revision));
        Update update = viewFields(view).push("timeline", stage).push("outbox", event).inc("revision", 1);
        return mongo.findAndModify(guard, update, FindAndModifyOptions.options().returnNew(true),
                AppealDocument.class);
    }

    private static Update viewFields(StatusView view) {
        return new Update().set("status", view.status()).set("version", view.version())
                .set("leadDepartment", view.lead()).set("coHandlers", view.coHandlers())
                .set("category", view.category()).set("deadlines", view.deadlines())
                .set("answer", view.answer()).set("rating", view.rating());
    }

    @Override
    public Mono<List<OutboxEntry>> pending(String appealId) {
        return findById(appealId).map(AppealDocument::outbox);
    }

    @Override
    public Mono<Void> remove(String appealId, String eventId) {
        return mongo.updateFirst(query(where("_id").is(appealId)),
                new Update().pull("outbox", new Document("eventId", eventId)), AppealDocument.class).then();
    }

    @Override
    public Flux<String> pendingSince(Instant cutoff, int limit) {
        Query pending = query(where("outbox.createdAt").lt(cutoff)).limit(limit);
        pending.fields().include("_id");
        return mongo.find(pending, Document.class, AppealDocument.COLLECTION).map(d -> d.getString("_id"));
    }
}
