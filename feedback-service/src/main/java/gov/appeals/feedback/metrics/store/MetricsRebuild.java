package gov.appeals.feedback.metrics.store;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Service;

import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;

import gov.appeals.feedback.metrics.Contributions;
import gov.appeals.feedback.metrics.Counts;
import gov.appeals.feedback.metrics.Granularity;
import gov.appeals.feedback.metrics.RowKey;
import gov.appeals.kit.web.ConflictException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Recomputes every row of counts from the facts: marks a rebuild as running (events wait, see
 * {@link MetricsRebuildingException}), lets the changes already under way settle, scans the facts in {@code _id}
 * order summing their contributions in memory (a few rows per key and day, whatever the number of appeals), writes
 * them as the next generation, moves the pointer to it and drops the old one. Readers use the old generation until
 * the pointer moves and the new one after: never a half-built set.
 */
@Service
public class MetricsRebuild {

    /** What a rebuild did. */
    public record Result(long generation, long facts, long rows, long durationMillis) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(MetricsRebuild.class);
    private static final int WRITE_BATCH = 1_000;

    private final ReactiveMongoTemplate mongo;
    private final MetricsStore store;
    private final Clock clock;
    private final Duration settle;
    private final Duration timeout;

    /**
     * @param settle  how long a change that began before the rebuild was marked may still be writing; one slower
     *                than this (a stalled store) may land after the scan passed its fact and be missing from the new
     *                generation (rebuild again after a store outage): the HTTP caller cannot wait the full handler
     *                timeout
     * @param timeout after this a rebuild that never finished (its process died) no longer holds the events up
     */
    public MetricsRebuild(ReactiveMongoTemplate mongo, MetricsStore store, Clock clock,
                          @Value("${appeals.metrics.rebuild-settle:5s}")
                          Duration settle,
                          @Value("${appeals.metrics.rebuild-timeout:30m}") Duration timeout) {
        this.mongo = mongo;
        this.store = store;
        this.clock = clock;
        this.settle = settle;
        this.timeout = timeout;
    }

    /** @throws ConflictException (as the Mono's error) when a rebuild is running already */
    public Mono<Result> rebuild() {
        Instant started = clock.instant();
        return store.generation().flatMap(current -> {
            if (current.rebuildingAt(started)) {
                return Mono.error(new ConflictException("A rebuild of the closure metrics is running", "REBUILDING"));
            }
            long next = current.generation() + 1;
            return mark(current, started.plus(timeout)).then(Mono.delay(settle)
                    .then(Mono.defer(this::sumFacts))
                    .flatMap(sums -> write(next, sums.rows())
                            .then(MetricsStore.rowIndexes(mongo, next).then())
                            .then(switchTo(next))
                            .then(drop(current.generation()))
                            .then(Mono.fromSupplier(() -> {
                                Result result = new Result(next, sums.facts(), sums.rows().size(),
                                        Duration.between(started, clock.instant()).toMillis());
                                LOG.info("Rebuilt the closure metrics: {}", result);
                                return result;
                            })))
                    .onErrorResume(e -> unmark().then(Mono.error(e))));
        });
    }

    private record Sums(long facts, Map<RowKey, Counts> rows) {
    }

    /** Every fact's contribution, summed per row; only the acceptance's counted appeals add anything. */
    Mono<Sums> sumFacts() {
        Document counted = new Document(FactDocuments.ACCEPTED_DAY, new Document("$ne", null));
        return store.facts()
                .flatMapMany(facts -> facts.find(counted).sort(Sorts.ascending("_id")).batchSize(WRITE_BATCH))
                .reduce(new Sums(0, new HashMap<>()), (sums, fact) -> {
                    Contributions.of(FactDocuments.figures(fact)).forEach((row, counts) ->
                            sums.rows().computeIfAbsent(row, r -> new Counts()).add(counts));
                    return new Sums(sums.facts() + 1, sums.rows());
                });
    }

    private Mono<Void> write(long generation, Map<RowKey, Counts> rows) {
        Map<Granularity, List<Document>> byGranularity = new HashMap<>();
        rows.forEach((row, counts) -> byGranularity.computeIfAbsent(row.granularity(), g -> new ArrayList<>())
                .add(FactDocuments.row(row, counts)));
        return Flux.fromArray(Granularity.values()).concatMap(granularity -> {
            String name = FactDocuments.rowCollection(granularity, generation);
            List<Document> documents = byGranularity.getOrDefault(granularity, List.of());
            // A rebuild that died half-way may have left some of this generation: start it afresh.
            return mongo.dropCollection(name).thenMany(Flux.fromIterable(documents).buffer(WRITE_BATCH)
                    .concatMap(batch -> mongo.getCollection(name).flatMap(c -> Mono.from(c.insertMany(batch)))));
        }).then();
    }

    /** Marks the rebuild, unless another one marked it first (its mark unexpired): a compare-and-set. */
    private Mono<Void> mark(Generation current, Instant until) {
        Document idle = new Document("_id", MetricsStore.POINTER_ID).append("$or", List.of(
                new Document("rebuildingUntil", null),
                new Document("rebuildingUntil", new Document("$lt", Date.from(clock.instant())))));
        Document fields = new Document("generation", current.generation()).append("rebuildingUntil", Date.from(until));
        return mongo.getCollection(MetricsStore.POINTER).flatMap(c -> Mono.from(c.updateOne(idle,
                        new Document("$set", fields), new UpdateOptions().upsert(true))))
                .then()
                .onErrorMap(MetricsStore::duplicateKey,
                        e -> new ConflictException("A rebuild of the closure metrics is running", "REBUILDING"));
    }

    private Mono<Void> switchTo(long generation) {
        return setPointer(new Document("generation", generation).append("rebuildingUntil", null));
    }

    private Mono<Void> unmark() {
        return mongo.getCollection(MetricsStore.POINTER).flatMap(c -> Mono.from(c.updateOne(
                new Document("_id", MetricsStore.POINTER_ID),
                new Document("$set", new Document("rebuildingUntil", null))))).then();
    }

    private Mono<Void> setPointer(Document fields) {
        return mongo.getCollection(MetricsStore.POINTER).flatMap(c -> Mono.from(c.updateOne(
                new Document("_id", MetricsStore.POINTER_ID), new Document("$set", fields),
                new UpdateOptions().upsert(true)))).then();
    }

    private Mono<Void> drop(long generation) {
        return Flux.fromArray(Granularity.values())
                .concatMap(g -> mongo.dropCollection(FactDocuments.rowCollection(g, generation))).then();
    }
}
