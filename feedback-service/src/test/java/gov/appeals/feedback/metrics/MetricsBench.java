package gov.appeals.feedback.metrics;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.bson.Document;
import org.h2.mvstore.MVStore;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import gov.appeals.events.AnswerResult;
import gov.appeals.events.AppealAccepted;
import gov.appeals.events.AppealAssigned;
import gov.appeals.events.AppealClosed;
import gov.appeals.events.AppealClosed.ClosureReason;
import gov.appeals.events.AppealEvent;
import gov.appeals.events.AppealOverdue;
import gov.appeals.events.AppealRated;
import gov.appeals.events.AppealRef;
import gov.appeals.events.AppealReopened;
import gov.appeals.events.AppealResponded;
import gov.appeals.events.AppealSentToTriage;
import gov.appeals.events.AppealSigned;
import gov.appeals.events.AppealStatus;
import gov.appeals.events.ClockKind;
import gov.appeals.events.Rating;
import gov.appeals.events.Source;
import gov.appeals.feedback.metrics.store.FactDocuments;
import gov.appeals.feedback.metrics.store.MetricsRebuild;
import gov.appeals.feedback.metrics.store.MetricsStore;
import gov.appeals.feedback.metrics.web.ClosureReports;
import gov.appeals.reference.Department;
import gov.appeals.reference.ReferenceData;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * bench/metrics: loads N appeals' facts (folded from generated events by the service's own {@link AppealFigures})
 * into mongo-java-server through the MongoDB driver, builds the rows with the service's rebuild (timed), then times
 * the closure query of one month grouped by department through the service's query code. Prints numbers; asserts
 * nothing. Settings from the environment: METRICS_SIZES (1000000,10000000), METRICS_QUERIES (300),
 * METRICS_ROWS_ONLY_ABOVE (a size above which only the rows are stored: the facts are generated and summed in
 * memory with the rebuild's code, for when storing them takes longer than there is time; the query reads rows only,
 * so it sees the same store either way, but no rebuild is timed), METRICS_BACKEND (h2, the local run's file
 * backend, or memory: the memory backend needs some 8 KB of heap per fact, more than this machine has for
 * 1,000,000).
 */
public final class MetricsBench {

    private static final int YEAR = 2026;
    private static final int BATCH = 2_000;

    private MetricsBench() {
    }

    public static void main(String[] args) throws Exception {
        long[] sizes = Arrays.stream(env("METRICS_SIZES", "1000000,10000000").split(",")).map(String::strip)
                .mapToLong(Long::parseLong).toArray();
        int queries = Integer.parseInt(env("METRICS_QUERIES", "300"));
        String backend = env("METRICS_BACKEND", "h2");
        long rowsOnlyAbove = Long.parseLong(env("METRICS_ROWS_ONLY_ABOVE", Long.toString(Long.MAX_VALUE)));
        System.out.printf("[metrics bench] %d cores, max heap %d MiB, sizes %s, %d queries per size%n",
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
                Arrays.toString(sizes), queries);
        for (long size : sizes) {
            run(size, queries, backend, rowsOnlyAbove);
        }
    }

    private static void run(long size, int queries, String backendName, long rowsOnlyAbove) throws Exception {
        Path dir = Files.createTempDirectory("metrics-bench-");
        MVStore mvStore = null;
        MongoServer server;
        if (backendName.equals("h2")) {
            mvStore = new MVStore.Builder().fileName(dir.resolve("bench.mv").toString()).cacheSize(256)
                    .autoCompactFillRate(40).open();
            server = new MongoServer(new H2Backend(mvStore));
        } else {
            server = new MongoServer(new MemoryBackend());
        }
        var address = server.bind();
        String uri = "mongodb://" + address.getHostString() + ":" + address.getPort();
        MongoClient client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(uri)).build());
        try {
            ReactiveMongoTemplate mongo = new ReactiveMongoTemplate(client, "feedback-service");
            Clock clock = Clock.systemUTC();
            MetricsStore store = new MetricsStore(mongo, clock, Duration.ofSeconds(15));
            MetricsRebuild rebuild = new MetricsRebuild(mongo, store, clock, Duration.ZERO, Duration.ofHours(2));
            ClosureReports reports = new ClosureReports(store, ReferenceData.bundled());

            long loadStart = System.nanoTime();
            if (size > rowsOnlyAbove) {
                long rows = loadRowsOnly(mongo, size);
                System.out.printf("[metrics bench] %,d appeals: ROWS ONLY (no facts stored, so no rebuild timed): "
                                + "their facts folded and summed in memory by the rebuild's code and %,d rows written "
                                + "(%s backend) in %.1f s%n", size, rows, backendName,
                        (System.nanoTime() - loadStart) / 1e9);
            } else {
                load(mongo, size);
                double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
                System.out.printf("[metrics bench] %,d facts loaded (%s backend) in %.1f s (%,.0f facts/s)%n", size,
                        backendName, loadSeconds, size / loadSeconds);

                MetricsRebuild.Result built = rebuild.rebuild().block(Duration.ofHours(2));
                System.out.printf("[metrics bench] %,d facts: rebuild %,d ms (%,d facts read, %,d rows written)%n",
                        size, built.durationMillis(), built.facts(), built.rows());
            }

            YearMonth month = YearMonth.of(YEAR, 6);
            for (int i = 0; i < 30; i++) {
                reports.closure(month.atDay(1), month.atEndOfMonth(), Dimension.DEPARTMENT).block(Duration.ofMinutes(1));
            }
            long[] nanos = new long[queries];
            long volume = 0;
            for (int i = 0; i < queries; i++) {
                long start = System.nanoTime();
                var report = reports.closure(month.atDay(1), month.atEndOfMonth(), Dimension.DEPARTMENT)
                        .block(Duration.ofMinutes(1));
                nanos[i] = System.nanoTime() - start;
                volume = report.total().volume();
            }
            Arrays.sort(nanos);
            System.out.printf("[metrics bench] %,d appeals: closure %s grouped by department (%,d appeals in it), "
                            + "%d queries: p50 %.2f ms, p99 %.2f ms, max %.2f ms%n", size, month, volume, queries,
                    percentile(nanos, 50) / 1e6, percentile(nanos, 99) / 1e6, nanos[nanos.length - 1] / 1e6);

            LocalDate from = LocalDate.of(YEAR, 6, 10);
            long[] partial = new long[queries];
            for (int i = 0; i < queries; i++) {
                long start = System.nanoTime();
                reports.closure(from, from.plusDays(29), Dimension.DEPARTMENT).block(Duration.ofMinutes(1));
                partial[i] = System.nanoTime() - start;
            }
            Arrays.sort(partial);
            System.out.printf("[metrics bench] %,d appeals: closure %s..%s (30 days over two months, day rows) by "
                            + "department: p50 %.2f ms, p99 %.2f ms%n", size, from, from.plusDays(29),
                    percentile(partial, 50) / 1e6, percentile(partial, 99) / 1e6);
            System.out.printf("[metrics bench] load average while it ran (1, 5, 15 min; 2 cores shared): %s%n",
                    loadAverage());
        } finally {
            client.close();
            server.shutdownNow();
            if (mvStore != null && !mvStore.isClosed()) {
                mvStore.closeImmediately();
            }
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** N appeals' facts, folded from the events of a plausible life each, written in batches. */
    private static void load(ReactiveMongoTemplate mongo, long size) {
        ReferenceData reference = ReferenceData.bundled();
        List<String> units = reference.units().stream().filter(u -> !u.isTriage()).map(Department::code).toList();
        List<String> streets = reference.streets().stream().map(ReferenceData.Street::code).toList();
        List<String> categories = reference.categories().stream().map(c -> c.code()).toList();
        String triage = reference.triageUnit().code();
        SplittableRandom random = new SplittableRandom(42);
        Flux.range(0, (int) ((size + BATCH - 1) / BATCH))
                .concatMap(batch -> {
                    List<Document> facts = new ArrayList<>(BATCH);
                    for (long n = (long) batch * BATCH; n < Math.min(size, (long) (batch + 1) * BATCH); n++) {
                        facts.add(FactDocuments.fact(life(n, random, units, streets, categories, triage), 1));
                    }
                    return mongo.getCollection(FactDocuments.FACTS).flatMap(c -> Mono.from(c.insertMany(facts)))
                            .doOnSuccess(done -> {
                                long loaded = Math.min(size, (long) (batch + 1) * BATCH);
                                if (loaded % 1_000_000 == 0) {
                                    System.out.printf("[metrics bench]   %,d facts loaded so far%n", loaded);
                                }
                            });
                }, 2)
                .blockLast(Duration.ofHours(3));
    }

    /** The rows N appeals make, summed in memory as the rebuild sums them, written as the first generation. */
    private static long loadRowsOnly(ReactiveMongoTemplate mongo, long size) {
        ReferenceData reference = ReferenceData.bundled();
        List<String> units = reference.units().stream().filter(u -> !u.isTriage()).map(Department::code).toList();
        List<String> streets = reference.streets().stream().map(ReferenceData.Street::code).toList();
        List<String> categories = reference.categories().stream().map(c -> c.code()).toList();
        String triage = reference.triageUnit().code();
        SplittableRandom random = new SplittableRandom(42);
        java.util.Map<RowKey, Counts> sums = new java.util.HashMap<>();
        for (long n = 0; n < size; n++) {
            Contributions.of(life(n, random, units, streets, categories, triage))
                    .forEach((row, counts) -> sums.computeIfAbsent(row, r -> new Counts()).add(counts));
            if ((n + 1) % 1_000_000 == 0) {
                System.out.printf("[metrics bench]   %,d appeals summed so far%n", n + 1);
            }
        }
        java.util.Map<Granularity, List<Document>> byGranularity = new java.util.EnumMap<>(Granularity.class);
        sums.forEach((row, counts) -> byGranularity.computeIfAbsent(row.granularity(), g -> new ArrayList<>())
                .add(FactDocuments.row(row, counts)));
        byGranularity.forEach((granularity, rows) -> Flux.fromIterable(rows).buffer(BATCH)
                .concatMap(batch -> mongo.getCollection(FactDocuments.rowCollection(granularity, 1))
                        .flatMap(c -> Mono.from(c.insertMany(batch))))
                .blockLast(Duration.ofMinutes(30)));
        return sums.size();
    }

    private static AppealFigures life(long n, SplittableRandom random, List<String> units, List<String> streets,
                                      List<String> categories, String triage) {
        AppealRef appeal = new AppealRef(String.format("bench-%010d", n), String.format("QS-%d-%08d", YEAR, n),
                Source.HOTLINE_12345, "W" + n);
        Instant accepted = LocalDate.of(YEAR, 1, 1).plusDays(random.nextInt(365)).atStartOfDay()
                .toInstant(ZoneOffset.ofHours(8)).plusSeconds(random.nextInt(86_400));
        String category = random.nextInt(100) < 5 ? null : categories.get(random.nextInt(categories.size()));
        List<AppealEvent> events = new ArrayList<>();
        int[] version = {1};
        String[] id = {appeal.appealId() + "-"};
        events.add(new AppealAccepted(id[0] + 1, appeal, 1, accepted, "hotline", null,
                streets.get(random.nextInt(streets.size())), "t", "c", category, null, null, null));
        AppealFigures figures = AppealFigures.of(appeal);
        if (random.nextInt(100) < 5) {
            events.add(new AppealSentToTriage(id[0] + 2, appeal, 2, accepted.plusSeconds(60), "system", triage, "r",
                    null, false));
            return fold(figures, events);
        }
        String lead = units.get(random.nextInt(units.size()));
        Instant at = accepted.plusSeconds(600);
        events.add(new AppealAssigned(id[0] + (++version[0]), appeal, version[0], at, "system", lead, List.of(),
                category, "rule", "r", null));
        if (random.nextInt(100) < 5) {
            lead = units.get(random.nextInt(units.size()));
            events.add(new AppealAssigned(id[0] + (++version[0]), appeal, version[0], at.plusSeconds(3600), "system",
                    lead, List.of(), category, "rule", "r", null));
        }
        if (random.nextInt(100) < 10) {
            events.add(new AppealOverdue(id[0] + "o", appeal, version[0], at.plusSeconds(86_400), "system", lead,
                    AppealStatus.ASSIGNED, ClockKind.SIGN_FOR, at));
            return fold(figures, events);
        }
        events.add(new AppealSigned(id[0] + (++version[0]), appeal, version[0], at.plusSeconds(1800), "staff", lead,
                random.nextInt(100) < 85));
        if (random.nextInt(100) < 20) {
            if (random.nextInt(100) < 30) {
                events.add(new AppealOverdue(id[0] + "o", appeal, version[0], at.plusSeconds(5 * 86_400), "system",
                        lead, AppealStatus.SIGNED, ClockKind.ANSWER, at));
            }
            return fold(figures, events);
        }
        long hours = 1 + (long) Math.min(600, -Math.log(1 - random.nextDouble()) * 40);
        events.add(new AppealResponded(id[0] + (++version[0]), appeal, version[0], at.plusSeconds(hours * 3600 - 60),
                "staff", lead, AnswerResult.RESOLVED, "a", random.nextInt(100) < 85));
        int outcome = random.nextInt(100);
        if (outcome < 20) {
            events.add(new AppealClosed(id[0] + (++version[0]), appeal, version[0], at, "system", lead,
                    ClosureReason.NO_RATING_IN_TIME));
        } else if (outcome < 85) {
            Rating rating = outcome < 60 ? Rating.SATISFIED : outcome < 75 ? Rating.BASICALLY_SATISFIED
                    : Rating.DISSATISFIED;
            events.add(new AppealRated(id[0] + (++version[0]), appeal, version[0], at, "hotline", rating,
                    random.nextInt(100) < 70, null));
            if (rating == Rating.DISSATISFIED) {
                events.add(new AppealReopened(id[0] + (++version[0]), appeal, version[0], at, "system", lead, "d",
                        null));
            } else {
                events.add(new AppealClosed(id[0] + (++version[0]), appeal, version[0], at, "system", lead,
                        ClosureReason.valueOf(rating.name())));
            }
        }
        return fold(figures, events);
    }

    private static AppealFigures fold(AppealFigures figures, List<AppealEvent> events) {
        for (AppealEvent event : events) {
            figures = figures.apply(event);
        }
        return figures;
    }

    private static long percentile(long[] sorted, int percent) {
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (java.io.IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
