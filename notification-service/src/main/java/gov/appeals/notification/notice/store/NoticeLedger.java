package gov.appeals.notification.notice.store;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import gov.appeals.notification.notice.Notice;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Every notice of every channel, in one collection ({@code notices}): the exactly-once guard of each channel and what
 * {@code GET /api/v1/appeals/{id}/notifications} lists. Each write is one single-document operation; a notice is
 * claimed by inserting it (the id is unique), and settled only from PENDING or DEFERRED, so two instances racing for
 * one notice send it once.
 */
@Repository
public class NoticeLedger {

    static final String COLLECTION = "notices";

    private final ReactiveMongoTemplate mongo;

    public NoticeLedger(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Mono<Void> createIndexes() {
        var ops = mongo.indexOps(COLLECTION);
        return ops.createIndex(new Index().on("appealId", Sort.Direction.ASC).on("createdAt", Sort.Direction.ASC)
                        .named("appeal_createdAt"))
                .then(ops.createIndex(new Index().on("state", Sort.Direction.ASC).on("notBefore", Sort.Direction.ASC)
                        .named("state_notBefore")))
                .then();
    }

    /**
     * @return true when this call claimed the notice (send it now); false when it exists already (sent, being sent or
     * deferred)
     */
    public Mono<Boolean> claim(Notice notice) {
        return mongo.insert(notice, COLLECTION).thenReturn(true)
                .onErrorResume(DuplicateKeyException.class, exists -> Mono.just(false));
    }

    public Mono<Notice> find(String id) {
        return mongo.findById(id, Notice.class, COLLECTION);
    }

    /**
     * Takes a DEFERRED notice whose time came, or a PENDING one older than {@code staleAfter} (its sender stopped), to
     * send it: one instance wins, counting the attempt.
     *
     * @return the notice as taken, or empty when another instance took or settled it first
     */
    public Mono<Notice> retake(Notice notice, Instant now) {
        Criteria unchanged = where("_id").is(notice.id()).and("state").is(notice.state()).and("attempts")
                .is(notice.attempts());
        Update take = new Update().set("state", Notice.State.PENDING).set("createdAt", now).inc("attempts", 1);
        return mongo.findAndModify(query(unchanged), take, FindAndModifyOptions.options().returnNew(true),
                Notice.class, COLLECTION);
    }

    /** Settles a notice still unsettled. @return false when it was settled already */
    public Mono<Boolean> settle(String id, Notice.State state, Instant at, String outcome) {
        Criteria open = where("_id").is(id).and("state").in(Notice.State.PENDING, Notice.State.DEFERRED);
        return mongo.updateFirst(query(open), new Update().set("state", state).set("settledAt", at)
                        .set("outcome", outcome), COLLECTION)
                .map(r -> r.getModifiedCount() > 0);
    }

    /**
     * Puts a PENDING notice back to wait: DEFERRED until {@code notBefore}, with why (e.g. a transient failure to be
     * retried). {@link #due} returns it again once its time came. @return false when it was not pending
     */
    public Mono<Boolean> postpone(String id, Instant notBefore, String outcome) {
        Criteria pending = where("_id").is(id).and("state").is(Notice.State.PENDING);
        return mongo.updateFirst(query(pending), new Update().set("state", Notice.State.DEFERRED)
                        .set("notBefore", notBefore).set("outcome", outcome), COLLECTION)
                .map(r -> r.getModifiedCount() > 0);
    }

    /**
     * Notices of one channel that wait for a sender: DEFERRED ones due by {@code now}, PENDING ones claimed before
     * {@code now - staleAfter}. By channel, so that a channel's sweep never waits behind another channel's backlog.
     */
    public Flux<Notice> due(Notice.Channel channel, Instant now, Duration staleAfter, int limit) {
        Criteria deferred = where("state").is(Notice.State.DEFERRED).and("notBefore").lte(now);
        Criteria stale = where("state").is(Notice.State.PENDING).and("createdAt").lte(now.minus(staleAfter));
        return mongo.find(query(new Criteria().andOperator(where("channel").is(channel),
                new Criteria().orOperator(deferred, stale))).limit(limit), Notice.class, COLLECTION);
    }

    /** An appeal's notices on every channel, oldest first. */
    public Mono<List<Notice>> ofAppeal(String appealId) {
        return mongo.find(query(where("appealId").is(appealId)).with(Sort.by("createdAt", "_id")), Notice.class,
                COLLECTION).collectList();
    }
}
