package gov.appeals.feedback.metrics.store;

import static gov.appeals.feedback.metrics.store.FactDocuments.APPLIED;
import static gov.appeals.feedback.metrics.store.FactDocuments.COUNTS;
import static gov.appeals.feedback.metrics.store.FactDocuments.FACTS;
import static gov.appeals.feedback.metrics.store.FactDocuments.HOURS;
import static gov.appeals.feedback.metrics.store.FactDocuments.PENDING;
import static gov.appeals.feedback.metrics.store.FactDocuments.REVISION;
import static gov.appeals.feedback.metrics.store.FactDocuments.VERSION;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

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
import com.mongodb.client.model.Sorts;

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
 * {@code appealId:revision}): from then on the change cannot be lost. Each delta is then added to its row only if
 * the row does not list the key yet, recording the key (the last {@value #APPLIED_KEPT} per row) in the same
 * compare-and-set write of the row. Last, {@code pending} is removed. A crash anywhere in between leaves the deltas in
 * the fact, and whoever comes next finishes them: the redelivered event (its id is in the fact already), the
 * appeal's next event, or the sweep at start-up and every ten minutes; a delta applied twice changes nothing the
 * second time. This costs one fact write and a read and a write per changed row, no locks, and every write is guarded by
 * {@code {_id, revision|version}}, a unique index: mongo-java-server finds the document without a scan (it uses an
 * index only for a query with exactly its fields) and MongoDB uses its {@code _id} index.
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
                    new IndexOptions().unique(true).name("guard_" + REVISION))));
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

    /** The indexes of both collections of a generation: the closure query's and the guard of every row write. */
    static Flux<String> rowIndexes(ReactiveMongoTemplate mongo, long generation) {
        return Flux.fromArray(Granularity.values()).concatMap(granularity -> mongo
                .getCollection(FactDocuments.rowCollection(granularity, generation))
                .flatMapMany(rows -> Flux.concat(
                        Mono.from(rows.createIndex(Indexes.ascending("dimension", "period"),
                                new IndexOptions().name("closure"))),
                        Mono.from(rows.createIndex(Indexes.ascending("_id", VERSION),
                                new IndexOptions().unique(true).name("guard_" + VERSION))))));
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
        return facts().flatMap(facts -> Mono.from(facts.replaceOne(guard, fact)))
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
        // Guarded by the revision that wrote these deltas: a newer revision's pending deltas are not ours to remove.
        Document guard = new Document("_id", fact.getString("_id")).append(REVISION, FactDocuments.revision(fact));
        Document unset = new Document("$unset", new Document(PENDING, ""));
        return apply.then(facts().flatMap(facts -> Mono.from(facts.updateOne(guard, unset)))).then();
    }

    /**
     * Adds one delta to its row unless the row lists its key already: the row is read by id and written back with a
     * compare-and-set on its {@code version} ({@code {_id, version}}, a unique index, so that mongo-java-server
     * finds it without a scan); a missing row is inserted, and an insert or write that lost a race reads again.
     */
    private Mono<Void> applyOnce(long generation, String key, Document delta) {
        String collection = FactDocuments.rowCollection(Granularity.valueOf(delta.getString("granularity")),
                generation);
        String rowId = delta.getString("row");
        return mongo.getCollection(collection).flatMap(rows -> Mono.from(rows.find(new Document("_id", rowId))
                                .projection(Projections.include(APPLIED, VERSION)).first())
                        .map(row -> {
                            if (row.getList(APPLIED, String.class, List.of()).contains(key)) {
                                return Mono.<Void>empty();
                            }
                            Number version = row.get(VERSION, Number.class);
                            Document guard = new Document("_id", rowId).append(VERSION,
                                    version == null ? 0 : version.longValue());
                            Document update = new Document("$inc", new Document(delta.get("inc", Document.class))
                                    .append(VERSION, 1L))
                                    .append("$push", new Document(APPLIED, new Document("$each", List.of(key))
                                            .append("$slice", -APPLIED_KEPT)));
                            return Mono.from(rows.updateOne(guard, update)).flatMap(result ->
                                    result.getMatchedCount() == 1 ? Mono.<Void>empty()
                                            : Mono.<Void>error(new ConcurrentFactUpdateException(rowId)));
                        })
                        .switchIfEmpty(Mono.fromSupplier(() -> Mono.from(rows.insertOne(newRow(rowId, key, delta)))
                                .then()
                                .onErrorMap(MetricsStore::duplicateKey, e -> new ConcurrentFactUpdateException(rowId))))
                        .flatMap(write -> write))
                .retryWhen(Retry.max(CONCURRENT_RETRIES).filter(ConcurrentFactUpdateException.class::isInstance));
    }

    private static Document newRow(String rowId, String key, Document delta) {
        Document counts = new Document();
        Document hours = new Document();
        delta.get("inc", Document.class).forEach((field, n) -> {
            String[] path = field.split("\\.", 2);
            (path[0].equals(COUNTS) ? counts : hours).append(path[1], n);
        });
        return new Document("_id", rowId).append("period", delta.getString("period"))
                .append("dimension", delta.getString("dimension")).append("key", delta.getString("key"))
                .append(COUNTS, counts).append(HOURS, hours).append(APPLIED, List.of(key)).append(VERSION, 1L);
    }

    /**
     * Finishes the deltas a crash left in facts, at start-up and every ten minutes: those older than a handler may
     * take, so that the sweep does not race the consumer over the ones it is applying.
     */
    @Scheduled(initialDelayString = "${appeals.metrics.sweep-delay:10s}",
            fixedDelayString = "${appeals.metrics.sweep-interval:10m}")
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

    /**
     * The counts of every key of {@code dimension} over the periods, merged: key → counts, by key. The month rows of
     * every month the periods touch are read first (whole months count from them); they also name the keys that
     * can have day rows in a partial month, which are then read by id ({@code _id: {$in: …}}, the one index
     * mongo-java-server uses for it) instead of by a query over every day of every key.
     */
    public Mono<Map<String, Counts>> closure(Dimension dimension, Periods periods) {
        Set<String> whole = new HashSet<>();
        periods.months().forEach(month -> whole.add(month.toString()));
        Set<String> touched = new TreeSet<>(whole);
        periods.days().forEach(day -> touched.add(Granularity.MONTH.period(day)));
        return generation().flatMap(generation -> rows(generation, Granularity.MONTH, dimension,
                        List.copyOf(touched)).collectList()
                .flatMap(monthRows -> {
                    Map<String, Counts> merged = new TreeMap<>();
                    Map<String, List<String>> keysByMonth = new HashMap<>();
                    for (Document row : monthRows) {
                        String period = row.getString("period");
                        if (whole.contains(period)) {
                            merged.computeIfAbsent(row.getString("key"), k -> new Counts())
                                    .add(FactDocuments.counts(row));
                        } else {
                            keysByMonth.computeIfAbsent(period, p -> new ArrayList<>()).add(row.getString("key"));
                        }
                    }
                    List<String> dayIds = new ArrayList<>();
                    for (LocalDate day : periods.days()) {
                        for (String key : keysByMonth.getOrDefault(Granularity.MONTH.period(day), List.of())) {
                            dayIds.add(FactDocuments.rowId(new RowKey(Granularity.DAY, day.toString(), dimension,
                                    key)));
                        }
                    }
                    return dayRows(generation, dayIds)
                            .doOnNext(row -> merged.computeIfAbsent(row.getString("key"), k -> new Counts())
                                    .add(FactDocuments.counts(row)))
                            .then(Mono.fromSupplier(() -> {
                                // A key every appeal has left (re-routed, classified, out of triage) adds up to 0.
                                merged.values().removeIf(Counts::isZero);
                                return merged;
                            }));
                }));
    }

    private Flux<Document> rows(Generation generation, Granularity granularity, Dimension dimension,
                                List<String> periods) {
        if (periods.isEmpty()) {
            return Flux.empty();
        }
        Document query = new Document("dimension", dimension.param()).append("period", new Document("$in", periods));
        return mongo.getCollection(FactDocuments.rowCollection(granularity, generation.generation()))
                .flatMapMany(rows -> rows.find(query).projection(Projections.include("period", "key", COUNTS, HOURS)));
    }

    private Flux<Document> dayRows(Generation generation, List<String> ids) {
        if (ids.isEmpty()) {
            return Flux.empty();
        }
        return mongo.getCollection(FactDocuments.rowCollection(Granularity.DAY, generation.generation()))
                .flatMapMany(rows -> rows.find(new Document("_id", new Document("$in", ids)))
                        .projection(Projections.include("key", COUNTS, HOURS)));
    }

    /** One page of the appeals behind a figure of one key, by accepted day then appeal id, and how many in all. */
    public Mono<Paging.Page<AppealRow>> appeals(Dimension dimension, String key, Figure figure, LocalDate from,
                                                LocalDate to, Paging.Request page) {
        Document filter = drillDown(dimension, key, figure)
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

    /** The facts behind one figure of one row; see Contributions for where returns count. */
    private static Document drillDown(Dimension dimension, String key, Figure figure) {
        if (dimension == Dimension.DEPARTMENT && figure == Figure.RETURNS) {
            return new Document(FactDocuments.RETURNED_BY, key);
        }
        return new Document(FactDocuments.KEYS + "." + dimension.param(), key).append(FactDocuments.FIGURES,
                figure.param());
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
