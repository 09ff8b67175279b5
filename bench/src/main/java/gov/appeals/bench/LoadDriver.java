package gov.appeals.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import gov.appeals.deploy.HotlineSignature;
import gov.appeals.deploy.IssuerLogin;
import gov.appeals.deploy.PlatformConfig;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Drives a running platform over HTTP, as the hotline (signed requests), staff (tokens of the platform's issuer) and
 * the enterprise would, and prints what it measured:
 * {@code RESULT} lines (phase, step, count, p50/p99/max ms, errors, retries) and {@code RATE} lines (phase,
 * operations, seconds, operations per second). bench/run.sh adds CPU and memory from /proc.
 *
 * <pre>
 * java -jar bench/target/bench.jar intake N C          POST N appeals, C at a time
 * java -jar bench/target/bench.jar lifecycle N C       post, routed, sign, answer, rate (10 % dissatisfied, walked again)
 * java -jar bench/target/bench.jar queue N DEPARTMENT  N queue pages (size 50), one after the other
 * java -jar bench/target/bench.jar latency RATE SECONDS  POST at a fixed rate; POST → routed (ASSIGNED) latency
 * java -jar bench/target/bench.jar routing ROUNDS 1     every sample ROUNDS times, one at a time: where it went against
 *                                                      where its expected category leads, and POST → in the lead's queue
 * java -jar bench/target/bench.jar callbacks N C       POST N appeals, C at a time; each stage change → its 12345
 *                                                      callback at the local receiver, and callbacks per second
 * </pre>
 */
public final class LoadDriver {

    private static final Duration STEP_TIMEOUT = Duration.ofSeconds(60);
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern STATUS = Pattern.compile("\"status\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern LEAD = Pattern.compile("\"leadDepartment\"\\s*:\\s*\"([^\"]+)\"");

    private final String intake = env("INTAKE_URL", "http://127.0.0.1:8081");
    private final String dispatch = env("DISPATCH_URL", "http://127.0.0.1:8082");
    private final String feedback = env("FEEDBACK_URL", "http://127.0.0.1:8083");
    private final List<String> samples;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).executor(Executors.newFixedThreadPool(8)).build();
    private final String run = Long.toString(System.currentTimeMillis(), 36).toUpperCase(Locale.ROOT);
    private final AtomicInteger next = new AtomicInteger();
    /** The hotline's key (HOTLINE_KEYS' first entry, as the launcher was given it; the local demo key by default). */
    private final HotlineSignature hotline = HotlineSignature.parse(
            PlatformConfig.serviceKeys(System.getenv()).get(PlatformConfig.HOTLINE_KEYS).split(",")[0].strip());
    private final URI issuer = URI.create(env("ISSUER_URI", "http://127.0.0.1:9000"));
    private final java.util.Map<String, String> tokens = new java.util.concurrent.ConcurrentHashMap<>();

    private LoadDriver(List<String> samples) {
        this.samples = samples;
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: intake N C | lifecycle N C | queue N DEPARTMENT | latency RATE SECONDS"
                    + " | routing ROUNDS 1 | callbacks N C");
            System.exit(2);
        }
        LoadDriver driver = new LoadDriver(samples(Path.of(env("BENCH_SAMPLES",
                "appeal-reference/src/main/resources/reference/sample-appeals.jsonl"))));
        switch (args[0]) {
            case "intake" -> driver.intake(Integer.parseInt(args[1]), Integer.parseInt(args[2]));
            case "lifecycle" -> driver.lifecycle(Integer.parseInt(args[1]), Integer.parseInt(args[2]));
            case "queue" -> driver.queue(Integer.parseInt(args[1]), args[2]);
            case "latency" -> driver.latency(Integer.parseInt(args[1]), Integer.parseInt(args[2]));
            case "callbacks" -> driver.callbacks(Integer.parseInt(args[1]), Integer.parseInt(args[2]));
            case "routing" -> driver.routing(Integer.parseInt(args[1]), Path.of(env("BENCH_SAMPLES",
                    "appeal-reference/src/main/resources/reference/sample-appeals.jsonl")));
            default -> throw new IllegalArgumentException("unknown phase " + args[0]);
        }
        System.exit(0);
    }

    // --- phases --------------------------------------------------------------------------------------------------

    private void intake(int n, int concurrency) throws InterruptedException {
        Stats create = new Stats("intake", "create");
        long began = System.nanoTime();
        parallel(n, concurrency, i -> post(create));
        rate("intake", n, began);
        print(create);
    }

    private void lifecycle(int n, int concurrency) throws InterruptedException {
        Stats create = new Stats("lifecycle", "create");
        Stats routed = new Stats("lifecycle", "routed");
        Stats sign = new Stats("lifecycle", "sign");
        Stats answer = new Stats("lifecycle", "answer");
        Stats rate = new Stats("lifecycle", "rate");
        Stats whole = new Stats("lifecycle", "whole");
        long began = System.nanoTime();
        parallel(n, concurrency, i -> {
            long start = System.nanoTime();
            String id = post(create);
            if (id == null) {
                return;
            }
            boolean dissatisfied = ThreadLocalRandom.current().nextInt(10) == 0;
            String lead = await(routed, () -> lead(id));
            if (lead == null || !walk(id, lead, dissatisfied ? "DISSATISFIED" : "SATISFIED", sign, answer, rate)) {
                return;
            }
            if (dissatisfied && (await(routed, () -> "REOPENED".equals(status(id)) ? "" : null) == null
                    || !walk(id, lead, "SATISFIED", sign, answer, rate))) {
                return;
            }
            whole.record(System.nanoTime() - start);
        });
        rate("lifecycle", whole.count(), began);
        for (Stats s : List.of(create, routed, sign, answer, rate, whole)) {
            print(s);
        }
    }

    private void queue(int n, String department) {
        Stats page = new Stats("queue", "page");
        for (int i = 0; i < n; i++) {
            long start = System.nanoTime();
            HttpResponse<String> r = get(dispatch + "/api/v1/departments/" + department + "/queue?size=50",
                    user("head-" + department));
            if (r != null && r.statusCode() == 200) {
                page.record(System.nanoTime() - start);
            } else {
                page.error();
            }
        }
        print(page);
    }

    /**
     * Open loop: a POST every 1/rate s whatever the answers. Then, without polling while the load runs (polling would
     * be load of its own), each appeal's routing time is read from its timeline: the ASSIGNED stage's time, taken by
     * dispatch when it stored the assignment (it is in the queue from then on), minus when the POST was answered.
     */
    private void latency(int perSecond, int seconds) throws InterruptedException {
        Stats create = new Stats("latency", "create");
        Stats routed = new Stats("latency", "post-to-routed");
        ScheduledExecutorService ticks = Executors.newScheduledThreadPool(4);
        ExecutorService posters = Executors.newFixedThreadPool(32);
        java.util.Map<String, java.time.Instant> answered = new java.util.concurrent.ConcurrentHashMap<>();
        long period = 1_000_000_000L / perSecond;
        int total = perSecond * seconds;
        AtomicInteger sent = new AtomicInteger();
        long began = System.nanoTime();
        ticks.scheduleAtFixedRate(() -> {
            if (sent.incrementAndGet() <= total) {
                posters.submit(() -> {
                    String id = post(create);
                    if (id != null) {
                        answered.put(id, java.time.Instant.now());
                    }
                });
            }
        }, 0, period, TimeUnit.NANOSECONDS);
        while (sent.get() < total) {
            Thread.sleep(50);
        }
        ticks.shutdown();
        posters.shutdown();
        posters.awaitTermination(5, TimeUnit.MINUTES);
        rate("latency", create.count(), began);
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        java.util.Set<String> waiting = new java.util.HashSet<>(answered.keySet());
        while (!waiting.isEmpty() && System.nanoTime() < deadline) {
            for (java.util.Iterator<String> it = waiting.iterator(); it.hasNext(); ) {
                String id = it.next();
                HttpResponse<String> view = get(intake + "/api/v1/appeals/" + id, user("supervisor"));
                java.time.Instant at = view == null ? null : assignedAt(view.body());
                if (at != null) {
                    routed.record(Math.max(0, Duration.between(answered.get(id), at).toNanos()));
                    it.remove();
                }
            }
            Thread.sleep(500);
        }
        waiting.forEach(id -> routed.error());
        print(create);
        print(routed);
    }

    private static final Pattern EXPECTED_CATEGORY = Pattern.compile("\"expected\"\\s*:\\s*\\{\"category\"\\s*:\\s*\"([A-Z_]+)\"");
    private static final Pattern STREET = Pattern.compile("\"street\"\\s*:\\s*\"([^\"]+)\"");
    /** The appeal's own category: the first in the view, null included (the classification's candidates follow). */
    private static final Pattern CATEGORY = Pattern.compile("\"category\"\\s*:\\s*(?:\"([A-Z_]+)\"|null)");
    private static final Pattern CREDIT_CODE = Pattern.compile("\"creditCode\": \"[0-9A-Z]{18}\"");
    private static final String CREDIT_CODE_CHARACTERS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] CREDIT_CODE_WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    /**
     * A valid unified social credit code (GB 32100-2015) of an enterprise nobody used: the routing phase measures
     * routing by the rules, which an earlier bench appeal of the same enterprise and text would override (a repeat,
     * 重复件, goes to the lead of the appeal it repeats).
     */
    private static String freshCreditCode(Random random) {
        StringBuilder code = new StringBuilder("913101");
        while (code.length() < 17) {
            code.append(CREDIT_CODE_CHARACTERS.charAt(random.nextInt(CREDIT_CODE_CHARACTERS.length())));
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += CREDIT_CODE_CHARACTERS.indexOf(code.charAt(i)) * CREDIT_CODE_WEIGHTS[i];
        }
        return code.append(CREDIT_CODE_CHARACTERS.charAt((31 - sum % 31) % 31)).toString();
    }

    /**
     * Routing accuracy: each sample (with its {@code expected} category) is posted, one at a time so that the
     * latency is the platform's, not a queue's; the department it went to is compared with the one its expected
     * category leads in the reference data (the enterprise's street for street-led categories, triage for the
     * catch-all). POST → queue is from the POST's answer until the lead's queue holds the appeal (polled every 20 ms
     * as a supervisor), for the appeals that went where expected.
     */
    private void routing(int rounds, Path file) throws IOException {
        gov.appeals.reference.ReferenceData reference = gov.appeals.reference.ReferenceData.bundled();
        String triageUnit = reference.triageUnit().code();
        Stats create = new Stats("routing", "create");
        Stats inQueue = new Stats("routing", "post-to-queue");
        int total = 0;
        int categoryAgrees = 0;
        int departmentAgrees = 0;
        List<String> misses = new ArrayList<>();
        Random random = new Random();
        long began = System.nanoTime();
        for (int round = 0; round < rounds; round++) {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String expectedCategory = first(EXPECTED_CATEGORY, line);
                if (line.isBlank() || expectedCategory == null) {
                    continue;
                }
                String street = first(STREET, line);
                gov.appeals.reference.Category category = reference.category(expectedCategory).orElseThrow();
                String expected = category.ledByStreet() ? street
                        : category.keywords().isEmpty() && triageUnit.equals(category.lead()) ? "TRIAGE"
                        : category.lead();
                String body = ID_FIELD.matcher(line.replaceFirst(", \"expected\": \\{[^}]*}}$", "}"))
                        .replaceFirst("\"externalId\": \"ROUTING-" + run + "-" + next.incrementAndGet() + "\"");
                body = CREDIT_CODE.matcher(body).replaceFirst("\"creditCode\": \"" + freshCreditCode(random) + "\"");
                long start = System.nanoTime();
                HttpResponse<String> r = signedPost(intake + "/api/v1/appeals", body);
                if (r == null || r.statusCode() != 201) {
                    create.error();
                    continue;
                }
                create.record(System.nanoTime() - start);
                String id = first(ID, r.body());
                long posted = System.nanoTime();
                if (!"TRIAGE".equals(expected)) {
                    String url = dispatch + "/api/v1/departments/" + expected + "/queue/" + id;
                    String seen = await(null, () -> {
                        HttpResponse<String> q = get(url, user("supervisor"));
                        return q != null && q.statusCode() == 200 ? "" : System.nanoTime() - posted
                                > Duration.ofSeconds(10).toNanos() ? "late" : null;
                    });
                    if ("".equals(seen)) {
                        inQueue.record(System.nanoTime() - posted);
                    }
                }
                String[] routed = new String[2];
                await(null, () -> {
                    HttpResponse<String> view = get(intake + "/api/v1/appeals/" + id, user("supervisor"));
                    String status = view == null ? null : first(STATUS, view.body());
                    if ("TRIAGE".equals(status) || "ASSIGNED".equals(status)) {
                        routed[0] = "TRIAGE".equals(status) ? "TRIAGE" : first(LEAD, view.body());
                        routed[1] = first(CATEGORY, view.body().replaceFirst("^.*?\"category\"", "{\"category\""));
                        return status;
                    }
                    return null;
                });
                total++;
                if (expectedCategory.equals(routed[1])) {
                    categoryAgrees++;
                }
                if (expected.equals(routed[0])) {
                    departmentAgrees++;
                } else if (round == 0) {
                    misses.add(expectedCategory + "→" + expected + " went " + routed[0] + " (classified "
                            + routed[1] + ")");
                }
            }
        }
        rate("routing", total, began);
        System.out.printf(Locale.ROOT, "ROUTING\tcategory agreement\t%d of %d (%.1f %%)%n", categoryAgrees, total,
                100.0 * categoryAgrees / Math.max(1, total));
        System.out.printf(Locale.ROOT, "ROUTING\tdepartment agreement\t%d of %d (%.1f %%)%n", departmentAgrees, total,
                100.0 * departmentAgrees / Math.max(1, total));
        misses.forEach(miss -> System.out.println("ROUTING\tmiss\t" + miss));
        print(create);
        print(inQueue);
    }

    /**
     * The 12345 callback channel. N hotline appeals are posted as the intake phase posts them (C at a time, fresh
     * external ids); then each of their callbacks, as the local receiver recorded it, gives one latency: its receipt
     * ({@code receivedAt}, stamped by the receiver) minus the stage change's time ({@code occurredAt}), per stage and
     * overall. The rate is the callbacks received per second from the first receipt to the last. It waits, at most
     * CALLBACK_TIMEOUT_S (default 300) after the last POST, until each appeal has had its acceptance (ACCEPTED,
     * 已受理) and its routing (ASSIGNED, 已分派, or TRIAGE, 待甄别, for one no rule routes) called back; what is still
     * missing then is counted as errors. A callback received twice (same event id) counts once, at its first receipt.
     *
     * <p>Where the callbacks are read: the receiver's file {@code <APPEALS_DATA_DIR>/callback-receiver/callbacks.jsonl}
     * when APPEALS_DATA_DIR is set (only what was appended since the phase began, and only after the last POST, so
     * that reading costs the receiver nothing while the load runs), else its {@code GET /12345/callbacks}
     * (CALLBACK_PORT, default 8089).
     */
    private void callbacks(int n, int concurrency) throws InterruptedException {
        CallbackFeed feed = new CallbackFeed();
        String prefix = "CALLBACK-" + run + "-";
        Stats create = new Stats("callbacks", "create");
        java.util.Set<String> posted = java.util.concurrent.ConcurrentHashMap.newKeySet();
        long began = System.nanoTime();
        parallel(n, concurrency, i -> {
            int k = next.incrementAndGet();
            String externalId = prefix + k;
            if (post(create, samples.get((k - 1) % samples.size()), externalId) != null) {
                posted.add(externalId);
            }
        });
        java.time.Instant lastPost = java.time.Instant.now();
        double postingSeconds = (System.nanoTime() - began) / 1e9;
        print(create);
        report(feed, posted, lastPost, postingSeconds);
    }

    /** Waits for the posted appeals' callbacks (by external id) and prints what {@link #callbacks} measures. */
    private void report(CallbackFeed feed, java.util.Set<String> posted, java.time.Instant lastPost,
                        double postingSeconds) throws InterruptedException {
        // The first receipt of each callback of the posted appeals, by event id, in the order the receiver took them.
        Map<String, JsonNode> received = new java.util.LinkedHashMap<>();
        Map<String, java.util.Set<String>> calledBack = new java.util.HashMap<>();
        java.util.Set<String> waiting = new java.util.HashSet<>(posted);
        int duplicates = 0;
        long deadline = System.nanoTime() + Duration.ofSeconds(Long.parseLong(env("CALLBACK_TIMEOUT_S", "300")))
                .toNanos();
        while (true) {
            for (JsonNode callback : feed.next()) {
                String externalId = text(callback, "externalId");
                if (externalId == null || !posted.contains(externalId)) {
                    continue;
                }
                String status = text(callback, "status");
                String eventId = text(callback, "eventId");
                if (received.putIfAbsent(eventId != null ? eventId
                        : externalId + "|" + status + "|" + text(callback, "version"), callback) != null) {
                    duplicates++;
                    continue;
                }
                java.util.Set<String> statuses =
                        calledBack.computeIfAbsent(externalId, id -> new java.util.HashSet<>());
                statuses.add(status);
                if (routedAndAccepted(statuses)) {
                    waiting.remove(externalId);
                }
            }
            if (waiting.isEmpty() || System.nanoTime() > deadline) {
                break;
            }
            Thread.sleep(500);
        }

        Stats overall = new Stats("callbacks", "stage-to-callback");
        Map<String, Stats> byStage = new java.util.LinkedHashMap<>();
        byStage.put("已受理", new Stats("callbacks", "stage-to-callback 已受理"));
        byStage.put("已分派", new Stats("callbacks", "stage-to-callback 已分派"));
        java.time.Instant first = null;
        java.time.Instant last = null;
        int unstamped = 0;
        for (JsonNode callback : received.values()) {
            String stage = text(callback, "stage");
            Stats stats = byStage.computeIfAbsent(stage == null ? "-" : stage,
                    label -> new Stats("callbacks", "stage-to-callback " + label));
            String receivedAt = text(callback, "receivedAt");
            String occurredAt = text(callback, "occurredAt");
            if (receivedAt == null || occurredAt == null) {
                unstamped++;
                stats.error();
                overall.error();
                continue;
            }
            java.time.Instant at = java.time.Instant.parse(receivedAt);
            long nanos = Math.max(0, Duration.between(java.time.Instant.parse(occurredAt), at).toNanos());
            stats.record(nanos);
            overall.record(nanos);
            first = first == null || at.isBefore(first) ? at : first;
            last = last == null || at.isAfter(last) ? at : last;
        }
        int missing = 0;
        for (String externalId : waiting) {
            java.util.Set<String> statuses = calledBack.getOrDefault(externalId, java.util.Set.of());
            if (!statuses.contains("ACCEPTED")) {
                missing++;
                byStage.get("已受理").error();
                overall.error();
            }
            if (!statuses.contains("ASSIGNED") && !statuses.contains("TRIAGE")) {
                missing++;
                byStage.get("已分派").error();
                overall.error();
            }
        }
        long triage = calledBack.values().stream().filter(statuses -> statuses.contains("TRIAGE")).count();

        int count = overall.count();
        double window = first == null ? 0 : Duration.between(first, last).toNanos() / 1e9;
        System.out.printf(Locale.ROOT, "RATE\tcallbacks\t%d\t%.1f\t%.1f%n", count, window,
                window > 0 ? count / window : 0.0);
        System.out.printf(Locale.ROOT, "CALLBACKS\tappeals\t%d posted, %d with their 已受理 and 已分派 (or 待甄别)"
                + " callbacks, %d of them into triage (待甄别)%n", posted.size(), posted.size() - waiting.size(), triage);
        System.out.printf(Locale.ROOT, "CALLBACKS\tmissing\t%d callbacks of %d appeals after %s s (%d duplicates,"
                + " %d without receivedAt or occurredAt)%n", missing, waiting.size(),
                env("CALLBACK_TIMEOUT_S", "300"), duplicates, unstamped);
        System.out.printf(Locale.ROOT, "CALLBACKS\twindow\tposting %.1f s, first to last receipt %.1f s, last receipt"
                + " %.1f s after the last POST's answer%n", postingSeconds, window,
                last == null ? Double.NaN : Duration.between(lastPost, last).toNanos() / 1e9);
        print(overall);
        byStage.values().forEach(LoadDriver::print);
    }

    private static boolean routedAndAccepted(java.util.Set<String> statuses) {
        return statuses.contains("ACCEPTED") && (statuses.contains("ASSIGNED") || statuses.contains("TRIAGE"));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }

    /**
     * The callbacks the receiver took since this feed was made, a batch per {@link #next()}: from its file (whole
     * lines from a byte offset; a line the receiver is still writing is read next time) when APPEALS_DATA_DIR is
     * set, else from its GET (the list is append-only, oldest first: what follows the ones seen).
     */
    private final class CallbackFeed {

        private final JsonMapper json = JsonMapper.builder().build();
        private final Path file;
        private final String url;
        private long offset;
        private int seen;

        CallbackFeed() {
            PlatformConfig config = PlatformConfig.fromEnvironment(System.getenv());
            String dataDir = System.getenv(PlatformConfig.DATA_DIR);
            file = dataDir == null || dataDir.isBlank() ? null : config.callbacksFile();
            url = config.callbackUrl();
            if (file != null) {
                try {
                    offset = Files.exists(file) ? Files.size(file) : 0;
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            } else {
                seen = all().size();
            }
        }

        List<JsonNode> next() {
            List<JsonNode> batch = new ArrayList<>();
            if (file == null) {
                List<JsonNode> all = all();
                batch.addAll(all.subList(Math.min(seen, all.size()), all.size()));
                seen = Math.max(seen, all.size());
                return batch;
            }
            if (!Files.exists(file)) {
                return batch;
            }
            try (java.nio.channels.SeekableByteChannel channel = Files.newByteChannel(file)) {
                while (channel.size() > offset) {
                    java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate(
                            (int) Math.min(channel.size() - offset, 4 << 20));
                    channel.position(offset);
                    while (buffer.hasRemaining() && channel.read(buffer) > 0) {
                        // fill the buffer
                    }
                    int end = buffer.position() - 1;
                    while (end >= 0 && buffer.get(end) != '\n') {
                        end--;
                    }
                    if (end < 0) {
                        if (buffer.position() == buffer.capacity() && buffer.capacity() == 4 << 20) {
                            throw new IllegalStateException("a callback line over 4 MB in " + file);
                        }
                        break; // only a line still being written
                    }
                    for (String line : new String(buffer.array(), 0, end + 1, StandardCharsets.UTF_8).split("\n")) {
                        if (!line.isBlank()) {
                            batch.add(json.readTree(line));
                        }
                    }
                    offset += end + 1;
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return batch;
        }

        private List<JsonNode> all() {
            HttpResponse<String> r = get(url, Map.of());
            if (r == null || r.statusCode() != 200) {
                throw new IllegalStateException("the callback receiver at " + url + " answered "
                        + (r == null ? "nothing" : r.statusCode()));
            }
            List<JsonNode> all = new ArrayList<>();
            json.readTree(r.body()).forEach(all::add);
            return all;
        }
    }

    private static final Pattern ASSIGNED_AT =
            Pattern.compile("\\{\"status\":\"ASSIGNED\",\"at\":\"([^\"]+)\"");

    private static java.time.Instant assignedAt(String view) {
        String at = first(ASSIGNED_AT, view);
        return at == null ? null : java.time.Instant.parse(at);
    }

    // --- steps ---------------------------------------------------------------------------------------------------

    /** Sign (the lead), answer (feedback, once it has seen the signing) and rate (intake, once it saw the answer). */
    private boolean walk(String id, String lead, String rating, Stats sign, Stats answer, Stats rate) {
        Map<String, String> clerk = user("clerk-" + lead);
        return step(sign, () -> post(dispatch + "/api/v1/departments/" + lead + "/queue/" + id + "/sign", null,
                clerk))
                && step(answer, () -> post(feedback + "/api/v1/appeals/" + id + "/answer",
                "{\"result\":\"RESOLVED\",\"text\":\"已协调办理（压测）\"}", clerk))
                && step(rate, () -> signedPost(intake + "/api/v1/appeals/" + id + "/rating",
                "{\"rating\":\"" + rating + "\"}"));
    }

    /** Retries while the service has not yet seen the previous step (404/409), counting each retry. */
    private static boolean step(Stats stats, java.util.function.Supplier<HttpResponse<String>> call) {
        long start = System.nanoTime();
        long deadline = start + STEP_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            HttpResponse<String> r = call.get();
            if (r != null && r.statusCode() / 100 == 2) {
                stats.record(System.nanoTime() - start);
                return true;
            }
            if (r != null && r.statusCode() != 404 && r.statusCode() != 409 && r.statusCode() != 503) {
                stats.error();
                return false;
            }
            stats.retry();
            pause();
        }
        stats.error();
        return false;
    }

    private String post(Stats create) {
        int k = next.incrementAndGet();
        return post(create, samples.get((k - 1) % samples.size()), "BENCH-" + run + "-" + k);
    }

    /** @return the appeal's id, null when it was not accepted (counted as an error) */
    private String post(Stats create, String sample, String externalId) {
        String body = ID_FIELD.matcher(sample).replaceFirst("\"externalId\": \"" + externalId + "\"");
        long start = System.nanoTime();
        HttpResponse<String> r = signedPost(intake + "/api/v1/appeals", body);
        if (r == null || r.statusCode() != 201) {
            create.error();
            return null;
        }
        create.record(System.nanoTime() - start);
        return first(ID, r.body());
    }

    private String lead(String id) {
        HttpResponse<String> r = get(intake + "/api/v1/appeals/" + id, user("supervisor"));
        if (r == null || r.statusCode() != 200) {
            return null;
        }
        String status = first(STATUS, r.body());
        if ("TRIAGE".equals(status)) {
            // What no rule routes, the triage unit assigns: the bench decides as a triager would.
            post(dispatch + "/api/v1/triage/" + id + "/assignment", "{\"lead\":\"JD-JW\",\"reason\":\"压测分派\"}",
                    user("triager"));
            return null;
        }
        return "ASSIGNED".equals(status) ? first(LEAD, r.body()) : null;
    }

    private String status(String id) {
        HttpResponse<String> r = get(intake + "/api/v1/appeals/" + id, user("supervisor"));
        return r == null ? null : first(STATUS, r.body());
    }

    private static String await(Stats stats, java.util.function.Supplier<String> probe) {
        long start = System.nanoTime();
        long deadline = start + STEP_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            String value = probe.get();
            if (value != null) {
                if (stats != null) {
                    stats.record(System.nanoTime() - start);
                }
                return value;
            }
            if (stats != null) {
                stats.retry();
            }
            pause();
        }
        if (stats != null) {
            stats.error();
        }
        return null;
    }

    // --- plumbing ------------------------------------------------------------------------------------------------

    private static final Pattern ID_FIELD = Pattern.compile("\"externalId\"\\s*:\\s*\"[^\"]*\"");

    /**
     * A demo user's bearer header: logged in at the issuer (authorization code + PKCE) the first time it is needed,
     * the token kept for the run (an hour).
     */
    private Map<String, String> user(String name) {
        return Map.of("Authorization", "Bearer " + tokens.computeIfAbsent(name,
                user -> IssuerLogin.accessToken(issuer, user, env("DEMO_PASSWORD", "demo"))));
    }

    /** As the hotline: signed afresh (time, nonce) on every attempt. */
    private HttpResponse<String> signedPost(String url, String json) {
        URI uri = URI.create(url);
        return post(url, json, hotline.headers("POST", uri.getRawPath(), json.getBytes(StandardCharsets.UTF_8)));
    }

    /** @param json null for a request without a body */
    private HttpResponse<String> post(String url, String json, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).POST(json == null
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        headers.forEach(request::header);
        return send(request);
    }

    private HttpResponse<String> get(String url, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
        headers.forEach(request::header);
        return send(request);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static void parallel(int n, int concurrency, java.util.function.IntConsumer work)
            throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        AtomicInteger index = new AtomicInteger();
        for (int w = 0; w < concurrency; w++) {
            pool.submit(() -> {
                for (int i = index.getAndIncrement(); i < n; i = index.getAndIncrement()) {
                    work.accept(i);
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(2, TimeUnit.HOURS);
    }

    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String first(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        return m.find() ? m.group(1) : null;
    }

    private static void rate(String phase, int operations, long beganNanos) {
        double seconds = (System.nanoTime() - beganNanos) / 1e9;
        System.out.printf(Locale.ROOT, "RATE\t%s\t%d\t%.1f\t%.1f%n", phase, operations, seconds, operations / seconds);
    }

    private static void print(Stats stats) {
        System.out.println("RESULT\t" + stats.line());
    }

    /** The bundled samples without their "expected" block, hotline ones and portal ones alike. */
    private static List<String> samples(Path file) throws IOException {
        List<String> bodies = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                bodies.add(line.replaceFirst(", \"expected\": \\{[^}]*}}$", "}"));
            }
        }
        return bodies;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
