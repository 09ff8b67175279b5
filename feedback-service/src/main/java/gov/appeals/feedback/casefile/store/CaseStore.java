package gov.appeals.feedback.casefile.store;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;
import java.util.List;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import gov.appeals.feedback.casefile.CaseFile;
import gov.appeals.feedback.casefile.ClockAlarms;
import gov.appeals.feedback.casefile.SupervisionRules;
import gov.appeals.kit.mongo.GuardIndex;
import gov.appeals.kit.outbox.OutboxEntry;
import gov.appeals.kit.outbox.OutboxStore;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The {@code cases} collection. Every change is one single-document write guarded by the revision it was decided
 * on (compare-and-set), so the state change and the events announcing it (the case's {@code outbox}, which the
 * kit's relay publishes) are stored together or not at all, and two writers never overwrite each other: the loser
 * gets {@link ConcurrentCaseUpdateException} and decides again.
 */
@Repository
public class CaseStore implements OutboxStore {

    private static final Logger LOG = LoggerFactory.getLogger(CaseStore.class);

    /** The fields a write replaces; {@code outbox} only ever grows by $push and shrinks by $pull. */
    private static final List<String> STATE_FIELDS = List.of("appeal", "lead", "coHandlers", "status", "deadlines",
            "version", "assignmentVersion", "answer", "rating", "appliedEventIds", "outcome", "supervision", "nextAlarmAt",
            "revision", "coHandlerInputs");
    private static final String OUTBOX = "outbox";

    private static final String NEXT_ALARM = "nextAlarmAt";

    private final ReactiveMongoTemplate mongo;
    private final SupervisionRules rules;

    public CaseStore(ReactiveMongoTemplate mongo, SupervisionRules rules) {
        this.mongo = mongo;
        this.rules = rules;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void createIndexes() {
        var ops = mongo.indexOps(CaseDocument.COLLECTION);
        ops.createIndex(GuardIndex.on("revision"))
                .then(ops.createIndex(new Index().on(OUTBOX + ".createdAt", Sort.Direction.ASC).sparse()
                        .named("outbox_pending")))
                .then(ops.createIndex(new Index().on(NEXT_ALARM, Sort.Direction.ASC).sparse().named("next_alarm")))
                .subscribe(name -> LOG.debug("Index {} ready", name),
                        e -> LOG.warn("Could not create the case indexes: {}", e.toString()));
    }

    public Mono<StoredCase> find(String appealId) {
        return mongo.findById(appealId, CaseDocument.class)
                .map(doc -> new StoredCase(doc.toCaseFile(), true, doc.revision()));
    }

    /**
     * Stores {@code after} in place of {@code before} and appends {@code pending} to the outbox, in one write.
     *
     * @return empty on success, {@link ConcurrentCaseUpdateException} when the case changed since {@code before}
     */
    public Mono<Void> save(StoredCase before, CaseFile after, List<OutboxEntry> pending) {
        String id = after.appealId();
        if (!before.exists()) {
            return mongo.insert(CaseDocument.of(after, nextAlarm(after), pending, 1)).then()
                    .onErrorMap(DuplicateKeyException.class, e -> new ConcurrentCaseUpdateException(id));
        }
        Document state = toBson(CaseDocument.of(after, nextAlarm(after), List.of(), before.revision() + 1));
        Update update = new Update();
        for (String field : STATE_FIELDS) {
            if (state.containsKey(field)) {
                update.set(field, state.get(field));
            } else {
                update.unset(field);
            }
        }
        if (!pending.isEmpty()) {
            update.push(OUTBOX).each(pending.stream().map(this::toBson).toArray());
        }
        Query guard = query(where("_id").is(id).and("revision").is(before.revision()));
        return mongo.updateFirst(guard, update, CaseDocument.COLLECTION)
                .flatMap(result -> result.getModifiedCount() == 1
                        ? Mono.<Void>empty()
                        : Mono.error(new ConcurrentCaseUpdateException(id)));
    }

    private Instant nextAlarm(CaseFile file) {
        return ClockAlarms.next(file, rules).orElse(null);
    }

    /** Cases with an alarm due by {@code now}, most overdue first; the index keeps it cheap at any case count. */
    public Flux<String> withAlarmDue(Instant now, int limit) {
        Query due = query(where(NEXT_ALARM).lte(now)).with(Sort.by(NEXT_ALARM)).limit(limit);
        due.fields().include("_id");
        return mongo.find(due, Document.class, CaseDocument.COLLECTION).map(doc -> doc.getString("_id"));
    }

    @Override
    public Mono<List<OutboxEntry>> pending(String appealId) {
        return mongo.findById(appealId, CaseDocument.class).map(CaseDocument::pending);
    }

    @Override
    public Mono<Void> remove(String appealId, String eventId) {
        return mongo.updateFirst(query(where("_id").is(appealId)),
                new Update().pull(OUTBOX, new Document("eventId", eventId)), CaseDocument.COLLECTION).then();
    }

    @Override
    public Flux<String> pendingSince(Instant cutoff, int limit) {
        Query pending = query(where(OUTBOX + ".createdAt").lt(cutoff)).limit(limit);
        pending.fields().include("_id");
        return mongo.find(pending, Document.class, CaseDocument.COLLECTION).map(doc -> doc.getString("_id"));
    }

    private Document toBson(Object value) {
        Document bson = new Document();
        mongo.getConverter().write(value, bson);
        bson.remove("_class");
        return bson;
    }
}
