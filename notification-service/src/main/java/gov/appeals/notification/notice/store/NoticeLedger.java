package gov.appeals.notification.notice.store;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.bson.Document;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import gov.appeals.events.AppealEvent;
import gov.appeals.events.AppealNotified;
import gov.appeals.events.EventEnvelope;
import gov.appeals.kit.outbox.OutboxEntry;
import gov.appeals.kit.outbox.OutboxRelay;
import gov.appeals.kit.outbox.OutboxStore;
import gov.appeals.notification.notice.Notice;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Every notice of every channel, in one collection ({@code notices}): the exactly-once guard of each channel and what
 * {@code GET /api/v1/appeals/{id}/notifications} lists (and, of the {@code CALLBACK} notices,
 * {@code GET /api/v1/deliveries}). A settled notice to the outside carries its announcement in
 * an {@code outbox} array (the kit's {@link OutboxStore}: by appeal id), published by the kit's relay. Each write is one single-document operation; a notice is
 * claimed by inserting it (the id is unique), and settled only from PENDING or DEFERRED, so two instances racing for
 * one notice send it once.
 */
@Repository
public class NoticeLedger implements OutboxStore {

    static final String COLLECTION = "notices";
    /** The CloudEvents source of the announcements. */
    static final String PRODUCER = "/appeals/notification-service";

    private final ReactiveMongoTemplate mongo;
    /** Looked up when used: the relay is built on this store, so it cannot be handed to its constructor. */
    private final ObjectProvider<OutboxRelay> relay;

    public NoticeLedger(ReactiveMongoTemplate mongo, ObjectProvider<OutboxRelay> relay) {
        this.mongo = mongo;
        this.relay = relay;
    }

    public Mono<Void> createIndexes() {
        var ops = mongo.indexOps(COLLECTION);
        return ops.createIndex(new Index().on("appealId", Sort.Direction.ASC).on("createdAt", Sort.Direction.ASC)
                        .named("appeal_createdAt"))
                .then(ops.createIndex(new Index().on("state", Sort.Direction.ASC).on("notBefore", Sort.Direction.ASC)
                        .named("state_notBefore")))
                .then(ops.createIndex(new Index().on("outbox.createdAt", Sort.Direction.ASC).sparse()
                        .named("outbox_pending")))
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

    /**
     * Settles a notice still unsettled, and in the same write puts its announcement (an {@code AppealNotified} for
     * the appeal's timeline, {@link Notice#announcement}) in the notice's outbox, which the kit's relay publishes.
     * The announcement is made of the fields a notice is claimed with, which no later write changes, so the caller's
     * copy serves as well as the stored one.
     *
     * @return false when it was settled already
     */
    public Mono<Boolean> settle(Notice notice, Notice.State state, Instant at, String outcome) {
        Criteria open = where("_id").is(notice.id()).and("state").in(Notice.State.PENDING, Notice.State.DEFERRED);
        Optional<AppealNotified> announcement = notice.announcement(state, at, outcome,
                UUID.nameUUIDFromBytes(("announcement|" + notice.id()).getBytes(StandardCharsets.UTF_8)).toString());
        Update update = new Update().set("state", state).set("settledAt", at).set("outcome", outcome);
        announcement.ifPresent(event -> update.push("outbox", entry(event, at)));
        return mongo.updateFirst(query(open), update, COLLECTION)
                .map(r -> r.getModifiedCount() > 0)
                .doOnNext(settled -> announcement.filter(event -> settled)
                        .ifPresent(event -> relay.ifAvailable(r -> r.publishSoon(event.appealId()))));
    }

    private static OutboxEntry entry(AppealEvent event, Instant now) {
        EventEnvelope envelope = EventEnvelope.of(event, PRODUCER);
        return OutboxEntry.of(envelope.key(), envelope.topic(), envelope.headers(), envelope.payload(), now);
    }

    @Override
    public Mono<List<OutboxEntry>> pending(String appealId) {
        // An appeal has a few dozen notices at most; most with an empty outbox.
        Query withOutbox = query(where("appealId").is(appealId));
        withOutbox.fields().include("outbox");
        return mongo.find(withOutbox, Announcements.class, COLLECTION)
                .flatMapIterable(Announcements::outbox)
                .sort(Comparator.comparing(OutboxEntry::createdAt))
                .collectList();
    }

    @Override
    public Mono<Void> remove(String appealId, String eventId) {
        return mongo.updateFirst(query(where("appealId").is(appealId).and("outbox.eventId").is(eventId)),
                new Update().pull("outbox", new Document("eventId", eventId)), COLLECTION).then();
    }

    @Override
    public Flux<String> pendingSince(Instant cutoff, int limit) {
        Query pending = query(where("outbox.createdAt").lt(cutoff)).limit(limit);
        pending.fields().include("appealId");
        return mongo.find(pending, Document.class, COLLECTION).map(d -> d.getString("appealId")).distinct();
    }

    /** A notice's announcements waiting to be published. */
    private record Announcements(List<OutboxEntry> outbox) {

        Announcements {
            outbox = outbox == null ? List.of() : outbox;
        }
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
