package gov.appeals.feedback.metrics.store;

import static gov.appeals.feedback.metrics.store.FactDocuments.APPLIED;
import static gov.appeals.feedback.metrics.store.FactDocuments.COUNTS;
import static gov.appeals.feedback.metrics.store.FactDocuments.FACTS;
import static gov.appeals.feedback.metrics.store.FactDocuments.HOURS;
import static gov.appeals.feedback.metrics.store.FactDocuments.PENDING;
import static gov.appeals.feedback.metrics.store.FactDocuments.REVISION;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Repository;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;

import gov.appeals.events.AppealEvent;
import gov.appeals.feedback.metrics.AppealFigures;
import gov.appeals.feedback.metrics.AppealRow;
import gov.appeals.feedback.metrics.Contributions;
import gov.appeals.feedback.metrics.Counts;
import gov.appeals.feedback.metrics.Dimension;
import gov.appeals.feedback.metrics.Figure;
import gov.appeals.feedback.metrics.Granularity;
import gov.appeals.feedback.metrics.Periods;
import gov.appeals.feedback.metrics.RowKey;
import gov.appeals.kit.web.Paging;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * The closure metrics as two kinds of documents: one fact per appeal ({@link AppealFigures}) and rows of counts per
 * day and month, dimension and key, which the closure query reads (a month grouped by department is one row per
 * department) instead of the appeals.
 *
 * <p><b>Exactly once without transactions.</b> A changed fact moves counts in up to twelve rows, and neither
 * mongo-java-server nor a sharded MongoDB lets us write thirteen documents atomically. So the fact is written first,
 * by a compare-and-set on its {@code revision}, together with the deltas still to apply ({@code pending}, keyed
 * {@code appealId:revision}): from then on the change cannot be lost. Each delta is then applied with an update that
 * matches only while the row does not list the key yet ({@code applied: {$ne: key}}), adds the counts and records the
 * key (the last {@value #APPLIED_KEPT} per row); an upsert that finds the row listing the key fails on the duplicate
 * id, which also means "already applied". Last, {@code pending} is removed. A crash anywhere in between leaves the
 * deltas in the fact, and whoever comes next finishes them: the redelivered event (its id is in the fact already),
 * the appeal's next event, or the sweep at start-up and every minute; applying one twice changes nothing. This
 * costs one fact write and one write per changed row, no locks, and works the same on MongoDB.
 *
 * <p><b>Generations.</b> The rows live in collections numbered by a generation ({@code metrics_month_<n>},
 * {@code metrics_day_<n>}), named by a pointer document; the rebuild ({@link MetricsRebuild}) writes the next
 * generation from the facts and then moves the pointer, so readers never see a half-built set. Deltas computed for
 * an older generation are dropped: the rebuild counted their fact as it stood.
 */
@Repository
public class MetricsStore {

    /** How many applied keys each row remembers: far more than the changes a row sees between a crash and recovery. */
    static final int APPLIED_KEPT = 500;
    static final String POINTER = "metrics_generation";
    static final String POINTER_ID = "rows";

    private static final Logger LOG = LoggerFactory.getLogger(MetricsStore.class);
    private static final int CONCURRENT_RETRIES = 5;
    private static final int SWEEP_BATCH = 500;

    private final ReactiveMongoTemplate mongo;
    private final Clock clock;
    private final Duration sweepTimeout;

    public MetricsStore(ReactiveMongoTemplate mongo, Clock clock,
                        @Value("${appeals.messaging.handler-timeout:15s}") Duration sweepTimeout) {
        this.mongo = mongo;
        this.clock = clock;
        this.sweepTimeout = sweepTimeout;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void createIndexes() {
        facts().flatMapMany(facts -> {
            List<Mono<String>> indexes = new ArrayList<>();
            indexes.add(Mono.from(facts.createIndex(Indexes.ascending("_id", REVISION),
                    new IndexOptions().unique(true).name("guard_revision"))));
            indexes.add(Mono.from(facts.createIndex(Indexes.ascending(PENDING + ".since"),
                    new IndexOptions().sparse(true).name("pending"))));
            for (Dimension dimension : Dimension.values()) {
                indexes.add(Mono.from(facts.createIndex(Indexes.ascending(FactDocuments.KEYS + "." + dimension.param(),
                        FactDocuments.FIGURES, FactDocuments.ACCEPTED_DAY, "_id"),
                        new IndexOptions().name("drill_" + dimension.param()))));
            }
            return Flux.concat(indexes);
        }).thenMany(generation().flatMapMany(g -> rowIndexes(mongo, g.generation())))
                .subscribe(name -> LOG.debug("Index {} ready", name),
                        e -> LOG.warn("Could not create the metrics indexes: {}", e.toString()));
    }

    /** The index every closure query uses, on both collections of a generation. */
    static Flux<String> rowIndexes(ReactiveMongoTemplate mongo, long generation) {
        return Flux.fromArray(Granularity.values()).concatMap(granularity -> mongo
                .getCollection(FactDocuments.rowCollection(granularity, generation))
                .flatMap(rows -> Mono.from(rows.createIndex(Indexes.ascending("dimension", "period"),
                        new IndexOptions().name("closure")))));
    }

    /** Takes one event into the appeal's figures and the rows they count in. */
    public Mono<Void> follow(AppealEvent event) {
        return Mono.defer(() -> generation().flatMap(generation -> {
                    if (generation.rebuildingAt(clock.instant())) {
                        return Mono.error(new MetricsRebuildingException());
                    }
                    return facts().flatMap(facts -> Mono.from(facts.find(new Document("_id", event.appealId()))
                                    .first()))
                            .map(stored -> step(generation, stored, event))
                            .switchIfEmpty(Mono.fromSupplier(() -> step(generation, null, event)))
                            .flatMap(step -> step);
                }))
                .retryWhen(Retry.max(CONCURRENT_RETRIES).filter(ConcurrentFactUpdateException.class::isInstance));
    }

    private Mono<Void> step(Generation generation, Document stored, AppealEvent event) {
        AppealFigures before = stored == null ? AppealFigures.of(event.appeal()) : FactDocuments.figures(stored);
        Mono<Void> leftover = stored == null ? Mono.empty() : finish(generation, stored);
        AppealFigures after = before.apply(event);
        if (after == before) {
            // Applied before (a redelivery) or nothing to count: only what a crash may have left is finished.
            return leftover;
        }
        long revision = stored == null ? 1 : FactDocuments.revision(stored) + 1;
        Document fact = FactDocuments.fact(after, revision);
        Map<RowKey, Counts> delta = Contributions.delta(before, after);
        if (!delta.isEmpty()) {
            fact.append(PENDING, pending(after.appealId() + ":" + revision, generation.generation(),
                    Date.from(clock.instant()), delta));
        }
        return leftover.then(save(stored, fact)).then(Mono.defer(() -> finish(generation, fact)));
    }

    private Mono<Void> save(Document stored, Document fact) {
        String id = fact.getString("_id");
        if (stored == null) {
            return facts().flatMap(facts -> Mono.from(facts.insertOne(fact))).then()
                    .onErrorMap(MetricsStore::duplicateKey, e -> new ConcurrentFactUpdateException(id));
        }
        Document guard = new Document("_id", id).append(REVISION, FactDocuments.revision(stored));
        return facts().flatMap(facts -> Mono.from(facts.replaceOne(guard, fact, new ReplaceOptions())))
                .flatMap(result -> result.getMatchedCount() == 1 ? Mono.<Void>empty()
                        : Mono.error(new ConcurrentFactUpdateException(id)));
    }

    private static Document pending(String key, long generation, Date since, Map<RowKey, Counts> delta) {
        List<Document> deltas = new ArrayList<>();
        delta.forEach((row, counts) -> {
            Document inc = new Document();
            for (Figure figure : Figure.values()) {
                if (counts.get(figure) != 0) {
                    inc.append(COUNTS + "." + figure.param(), counts.get(figure));
                }
            }
            counts.hours().forEach((hours, n) -> inc.append(HOURS + "." + hours, n));
            deltas.add(new Document("granularity", row.granularity().name()).append("period", row.period())
                    .append("dimension", row.dimension().param()).append("key", row.key())
                    .append("row", FactDocuments.rowId(row)).append("inc", inc));
        });
        return new Document("key", key).append("generation", generation).append("since", since)
                .append("deltas", deltas);
    }

    /** Applies the fact's pending deltas, if any, and removes them from it. */
    private Mono<Void> finish(Generation generation, Document fact) {
        Document pending = fact.get(PENDING, Document.class);
        if (pending == null) {
            return Mono.empty();
        }
        String key = pending.getString("key");
        boolean current = pending.get("generation", Number.class).longValue() == generation.generation();
        List<Document> deltas = pending.getList("deltas", Document.class);
        Mono<Void> apply = current ? Flux.fromIterable(deltas)
                .concatMap(delta -> applyOnce(generation.generation(), key, delta)).then() : Mono.empty();
        Document unset = new Document("$unset", new Document(PENDING, ""));
        return apply.then(facts().flatMap(facts -> Mono.from(facts.updateOne(
                new Document("_id", fact.getString("_id")).append(PENDING + ".key", key), unset)))).then();
    }

    private Mono<Void> applyOnce(long generation, String key, Document delta) {
        Granularity granularity = Granularity.valueOf(delta.getString("granularity"));
        Document guard = new Document("_id", delta.getString("row")).append(APPLIED, new Document("$ne", key));
        Document update = new Document("$inc", delta.get("inc", Document.class))
                .append("$push", new Document(APPLIED, new Document("$each", List.of(key))
                        .append("$slice", -APPLIED_KEPT)))
                .append("$setOnInsert", new Document("period", delta.getString("period"))
                        .append("dimension", delta.getString("dimension")).append("key", delta.getString("key")));
        return mongo.getCollection(FactDocuments.rowCollection(granularity, generation))
                .flatMap(rows -> Mono.from(rows.updateOne(guard, update, new UpdateOptions().upsert(true))))
                .then()
                // The row lists the key: the delta was applied before.
                .onErrorResume(MetricsStore::duplicateKey, e -> Mono.empty());
    }

    /**
     * Finishes the deltas a crash left in facts, at start-up and every minute: those older than a handler may take,
     * so that the sweep does not race the consumer over the ones it is applying.
     */
    @Scheduled(initialDelayString = "${appeals.metrics.sweep-delay:10s}",
            fixedDelayString = "${appeals.metrics.sweep-interval:60s}")
    public void sweep() {
        try {
            Long finished = finishLeftovers().block(sweepTimeout);
            if (finished != null && finished > 0) {
                LOG.info("Finished the pending metrics deltas of {} appeals", finished);
            }
        } catch (RuntimeException e) {
            LOG.warn("Could not finish the pending metrics deltas: {}", e.toString());
        }
    }

    Mono<Long> finishLeftovers() {
        return generation().flatMap(generation -> generation.rebuildingAt(clock.instant()) ? Mono.just(0L)
                : facts().flatMapMany(facts -> Flux.from(facts.find(new Document(PENDING + ".since", new Document("$lt",
                                        Date.from(clock.instant().minus(sweepTimeout)))))
                                .limit(SWEEP_BATCH)))
                        .concatMap(fact -> finish(generation, fact).thenReturn(1))
                        .count());
    }

    /** The counts of every key of {@code dimension} over the periods, merged: key → counts, by key. */
    public Mono<Map<String, Counts>> closure(Dimension dimension, Periods periods) {
        return generation().flatMap(generation -> Flux.concat(
                        rows(generation, Granularity.MONTH, dimension, periods.months().stream().map(Object::toString)
                                .toList()),
                        rows(generation, Granularity.DAY, dimension, periods.days().stream().map(LocalDate::toString)
                                .toList()))
                .collect(TreeMap<String, Counts>::new, (merged, row) -> merged
                        .computeIfAbsent(row.getString("key"), k -> new Counts()).add(FactDocuments.counts(row))))
                .map(merged -> {
                    // A key every appeal has left (re-routed, classified, assigned out of triage) adds up to nothing.
                    merged.values().removeIf(Counts::isZero);
                    return merged;
                });
    }

    private Flux<Document> rows(Generation generation, Granularity granularity, Dimension dimension,
                                List<String> periods) {
        if (periods.isEmpty()) {
            return Flux.empty();
        }
        Document query = new Document("dimension", dimension.param()).append("period", new Document("$in", periods));
        return mongo.getCollection(FactDocuments.rowCollection(granularity, generation.generation()))
                .flatMapMany(rows -> rows.find(query).projection(Projections.include("key", COUNTS, HOURS)));
    }

    /** One page of the appeals behind a figure of one key, by accepted day then appeal id, and how many in all. */
    public Mono<Paging.Page<AppealRow>> appeals(Dimension dimension, String key, Figure figure, LocalDate from,
                                                LocalDate to, Paging.Request page) {
        Document filter = new Document(FactDocuments.KEYS + "." + dimension.param(), key)
                .append(FactDocuments.FIGURES, figure.param())
                .append(FactDocuments.ACCEPTED_DAY, new Document("$gte", from.toString()).append("$lte", to.toString()));
        return facts().flatMap(facts -> Mono.zip(
                Flux.from(facts.find(filter)
                                .projection(Projections.include("number", FactDocuments.KEYS, FactDocuments.ACCEPTED_DAY,
                                        FactDocuments.FIGURES))
                                .sort(Sorts.ascending(FactDocuments.ACCEPTED_DAY, "_id"))
                                .skip((int) Math.min(Integer.MAX_VALUE, page.skip())).limit(page.size()))
                        .map(MetricsStore::appealRow).collectList(),
                Mono.from(facts.countDocuments(filter))))
                .map(found -> new Paging.Page<>(found.getT1(), page.page(), page.size(), found.getT2()));
    }

    private static AppealRow appealRow(Document fact) {
        Document keys = fact.get(FactDocuments.KEYS, Document.class);
        return new AppealRow(fact.getString("_id"), fact.getString("number"),
                keys.getString(Dimension.DEPARTMENT.param()), keys.getString(Dimension.STREET.param()),
                keys.getString(Dimension.CATEGORY.param()), fact.getString(FactDocuments.ACCEPTED_DAY),
                fact.getList(FactDocuments.FIGURES, String.class));
    }

    Mono<Generation> generation() {
        return mongo.getCollection(POINTER)
                .flatMap(pointer -> Mono.from(pointer.find(new Document("_id", POINTER_ID)).first()))
                .map(d -> new Generation(d.get("generation", Number.class).longValue(),
                        d.getDate("rebuildingUntil") == null ? null : d.getDate("rebuildingUntil").toInstant()))
                .defaultIfEmpty(new Generation(1, null));
    }

    Mono<com.mongodb.reactivestreams.client.MongoCollection<Document>> facts() {
        return mongo.getCollection(FACTS);
    }

    static boolean duplicateKey(Throwable error) {
        return error instanceof MongoWriteException write
                && write.getError().getCategory() == ErrorCategory.DUPLICATE_KEY
                || error instanceof org.springframework.dao.DuplicateKeyException;
    }
}
