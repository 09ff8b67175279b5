package gov.appeals.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;

import gov.appeals.dispatch.queue.OpenWork;
import gov.appeals.dispatch.queue.QueueFilter;
import gov.appeals.dispatch.queue.QueueRole;
import gov.appeals.dispatch.queue.Trail;
import gov.appeals.dispatch.queue.store.AssignmentDocument;
import gov.appeals.dispatch.queue.store.AssignmentStore;
import gov.appeals.events.AnswerResult;
import gov.appeals.events.AppealAccepted;
import gov.appeals.events.AppealEvent;
import gov.appeals.events.AppealRef;
import gov.appeals.events.AppealResponded;
import gov.appeals.events.AppealSigned;
import gov.appeals.events.AppealStatus;
import gov.appeals.events.Deadlines;
import gov.appeals.events.Enterprise;
import gov.appeals.events.EventEnvelope;
import gov.appeals.events.Source;
import gov.appeals.events.Topics;
import gov.appeals.events.Urgency;
import gov.appeals.kit.web.Paging;
import gov.appeals.testsupport.Credentials;
import gov.appeals.testsupport.KafkaTestClient;
import gov.appeals.testsupport.TestInfrastructure;
import gov.appeals.testsupport.TestIssuer;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The work queues staff live in, against the real broker and the MongoDB wire protocol: a 20,000-appeal backlog paged
 * and filtered, the live stream of an open queue, and two clerks racing to sign.
 *
 * <p>This class consumes in a consumer group of its own and closes its context afterwards: the other test class's
 * context (another dispatch instance, over another database) may still be running, and the two must not share the
 * acceptances between them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.cloud.stream.bindings.dispatchEvents-in-0.group=dispatch-work-queues-test",
        "appeals.queue.due-soon-within=24h"})
@AutoConfigureWebTestClient(timeout = "30s")
@DirtiesContext
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WorkQueueIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(45);
    private static final String INTAKE = "/appeals/appeal-intake";
    private static final String FEEDBACK = "/appeals/feedback-service";
    /** No category routes here, so the backlog is all this unit's queue holds. */
    private static final String BACKLOG_UNIT = "JD-WHLY";
    private static final int BACKLOG = 20_000;
    private static final List<String> STREETS = List.of("ST-JDZ", "ST-XCL", "ST-ZX", "ST-NX", "ST-AT", "ST-ML",
            "ST-XH", "ST-HT", "ST-WG", "ST-JQ", "ST-JY", "ST-GYQ");
    private static final List<String> CATEGORIES = List.of("TAX", "LEGAL", "SAFETY");
    private static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {
    };

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "dispatch-queues");
        TestIssuer.register(registry);
    }

    @Autowired
    WebTestClient anonymous;

    @Autowired
    ReactiveMongoTemplate mongo;

    @Autowired
    AssignmentStore store;

    @Autowired
    OpenWork openWork;

    @LocalServerPort
    int port;

    private final KafkaTestClient kafka = KafkaTestClient.forTestInfrastructure();
    private KafkaProducer<String, byte[]> producer;
    /** The backlog as seeded, in queue order: what every filter's answer is checked against. */
    private List<Seeded> backlog;

    /** One seeded appeal, with what the filters read of it. */
    record Seeded(String id, QueueRole role, AppealStatus status, Urgency urgency, String category, String street,
                  Source source, String title, String number, String enterpriseName, String signedBy,
                  Instant nextDeadline) {
    }

    @BeforeAll
    void seedTheBacklog() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.start().kafkaBootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());

        await().atMost(WAIT).until(openWork::isLoaded);
        // Deadlines stay an hour or more away from "now" and from "now + 24 h" while the test runs, so that the
        // overdue and due-soon counts cannot change under it.
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        List<AssignmentDocument> documents = new ArrayList<>(BACKLOG);
        List<Seeded> seeded = new ArrayList<>(BACKLOG);
        for (int i = 0; i < BACKLOG; i++) {
            Instant next = switch (i % 5) {
                case 0 -> now.minus(1, ChronoUnit.HOURS).minusSeconds(i);
                case 1, 2 -> now.plus(2, ChronoUnit.HOURS).plusSeconds(i);
                default -> now.plus(2, ChronoUnit.DAYS).plusSeconds(i);
            };
            QueueRole role = i % 10 == 3 ? QueueRole.CO_HANDLER : QueueRole.LEAD;
            AppealStatus status = i % 4 == 1 ? AppealStatus.SIGNED : AppealStatus.ASSIGNED;
            String signedBy = status != AppealStatus.SIGNED ? null
                    : i % 8 == 1 ? "clerk-" + BACKLOG_UNIT : "head-" + BACKLOG_UNIT;
            Urgency urgency = i % 7 == 0 ? Urgency.URGENT : Urgency.NORMAL;
            String id = String.format("backlog-%05d-%s", i, UUID.randomUUID().toString().substring(0, 8));
            String number = String.format("QS-20260302-%06d", i);
            String title = i % 250 == 1 ? "文旅展会场地协调" : "文化旅游企业诉求 " + i;
            String enterprise = "嘉定文旅" + (i % 100) + "号有限公司";
            Source source = Source.values()[i % Source.values().length];
            String category = CATEGORIES.get(i % CATEGORIES.size());
            String street = STREETS.get(i % STREETS.size());
            Deadlines deadlines = status == AppealStatus.SIGNED
                    ? new Deadlines(next.minus(1, ChronoUnit.DAYS), null, next)
                    : new Deadlines(next, null, next.plus(5, ChronoUnit.DAYS));
            String lead = role == QueueRole.LEAD ? BACKLOG_UNIT : "JD-NYNC";
            List<String> coHandlers = role == QueueRole.LEAD ? List.of() : List.of(BACKLOG_UNIT);
            documents.add(new AssignmentDocument(id, new AppealRef(id, number, source, "EXT-" + i), title, street,
                    enterprise, "130****6871", category, urgency, status, lead, coHandlers, null, deadlines, next, 3,
                    "rule:category:" + category, "seeded", 1, signedBy, "内容", false, now, null, Trail.EMPTY, 0L, List.of(),
                    List.of()));
            seeded.add(new Seeded(id, role, status, urgency, category, street, source, title, number, enterprise,
                    signedBy, next));
        }
        long started = System.nanoTime();
        mongo.insertAll(documents).then().block(WAIT);
        long inserted = System.nanoTime();
        // The same path as the follower's snapshot at start-up (OpenWorkFeed): what the store holds, put in as it
        // is. Publishing 20,000 acceptances through Kafka and routing them one by one would take minutes here, and
        // tests routing, not the queues.
        store.openOrAnswered().filter(d -> d.id().startsWith("backlog-"))
                .doOnNext(d -> openWork.put(OpenWork.Item.of(d.assignment()))).then().block(WAIT);
        System.out.printf("[work queues] seeded %d appeals: store %d ms, in-memory queues %d ms%n", BACKLOG,
                (inserted - started) / 1_000_000, (System.nanoTime() - inserted) / 1_000_000);
        backlog = seeded.stream().sorted(Comparator.comparing(Seeded::nextDeadline).thenComparing(Seeded::id))
                .toList();
    }

    @AfterAll
    void closeTheProducer() {
        producer.close(Duration.ofSeconds(5));
    }

    // --- a 20,000-appeal backlog ------------------------------------------------------------------------------------

    @Test
    void everyFilterOfTheBacklogAnswersTheRightTotalInDeadlineThenIdOrder() {
        WebTestClient clerk = Credentials.as(anonymous, "clerk-" + BACKLOG_UNIT);
        Map<String, Predicate<Seeded>> filters = filters();
        for (Map.Entry<String, Predicate<Seeded>> filter : filters.entrySet()) {
            List<String> expected = backlog.stream().filter(filter.getValue()).map(Seeded::id).toList();
            Map<String, Object> first = page(clerk, filter.getKey() + "&size=50");
            assertThat(((Number) first.get("total")).longValue()).as(filter.getKey()).isEqualTo(expected.size());
            assertThat(ids(first)).as(filter.getKey())
                    .containsExactlyElementsOf(expected.subList(0, Math.min(50, expected.size())));
            if (expected.size() > 100) {
                int last = (expected.size() - 1) / 100;
                assertThat(ids(page(clerk, filter.getKey() + "&size=100&page=" + last))).as(filter.getKey())
                        .containsExactlyElementsOf(expected.subList(last * 100, expected.size()));
            }
        }
        assertThat(ids(page(clerk, "page=500&size=20"))).containsExactlyElementsOf(backlog.subList(10_000, 10_020)
                .stream().map(Seeded::id).toList());
        Map<String, Object> item = items(page(clerk, "text=" + "qs-20260302-000251")).get(0);
        assertThat(item).containsEntry("number", "QS-20260302-000251").containsEntry("role", "LEAD")
                .containsEntry("title", "文旅展会场地协调");
    }

    @Test
    void theStoresQueryBeforeTheQueuesAreLoadedAnswersTheSameTotals() {
        Instant now = Instant.now();
        Duration day = Duration.ofHours(24);
        record Case(QueueFilter filter, Predicate<Seeded> expected) {
        }
        List<Case> cases = List.of(
                new Case(new QueueFilter(null, QueueRole.CO_HANDLER, null, null, null, null, null, null, null, day),
                        s -> s.role() == QueueRole.CO_HANDLER),
                new Case(new QueueFilter(Set.of(AppealStatus.SIGNED), QueueRole.LEAD, Urgency.URGENT,
                        QueueFilter.Due.SOON, null, null, null, null, null, day),
                        s -> s.status() == AppealStatus.SIGNED && s.role() == QueueRole.LEAD
                                && s.urgency() == Urgency.URGENT && isSoon(s)),
                new Case(new QueueFilter(null, null, null, QueueFilter.Due.OVERDUE, "TAX", "ST-ML",
                        Source.HOTLINE_12345, null, null, day),
                        s -> isOverdue(s) && s.category().equals("TAX") && s.street().equals("ST-ML")
                                && s.source() == Source.HOTLINE_12345),
                new Case(new QueueFilter(null, null, null, null, null, null, null, "展会", "clerk-" + BACKLOG_UNIT,
                        day), s -> s.title().contains("展会") && ("clerk-" + BACKLOG_UNIT).equals(s.signedBy())),
                new Case(new QueueFilter(null, null, null, null, null, null, null, "qs-20260302-0001", null, day),
                        s -> s.number().startsWith("QS-20260302-0001")));
        for (Case c : cases) {
            List<String> expected = backlog.stream().filter(c.expected()).map(Seeded::id).toList();
            Paging.Page<AssignmentDocument> found = store.queue(BACKLOG_UNIT, c.filter(), now, new Paging.Request(0,
                    20)).block(WAIT);
            assertThat(found.total()).as(c.filter().toString()).isEqualTo(expected.size());
            assertThat(found.items()).extracting(AssignmentDocument::id)
                    .containsExactlyElementsOf(expected.subList(0, Math.min(20, expected.size())));
            assertThat(openWork.page(BACKLOG_UNIT, c.filter(), now, 0, 20).appealIds())
                    .containsExactlyElementsOf(expected.subList(0, Math.min(20, expected.size())));
        }
    }

    @Test
    void aQueuePageAtTwentyThousandStaysFastWhateverTheFilter() {
        WebTestClient clerk = Credentials.as(anonymous, "clerk-" + BACKLOG_UNIT);
        List<String> queries = new ArrayList<>(filters().keySet());
        for (int i = 0; i < 20; i++) {
            page(clerk, queries.get(i % queries.size()));
        }
        List<Long> micros = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            String query = queries.get(i % queries.size()) + "&page=" + (i % 7) + "&size=" + (i % 2 == 0 ? 20 : 50);
            long start = System.nanoTime();
            page(clerk, query);
            micros.add((System.nanoTime() - start) / 1_000);
        }
        micros.sort(null);
        System.out.printf("queue page at %d: p50=%.1fms p99=%.1fms max=%.1fms (%d requests over %d filters)%n",
                BACKLOG, micros.get(99) / 1000.0, micros.get(197) / 1000.0, micros.get(199) / 1000.0,
                micros.size(), queries.size());

        // The in-memory part alone: what a filter costs the walk, apart from HTTP, the token and the store read.
        Duration day = Duration.ofHours(24);
        List<QueueFilter> walks = List.of(QueueFilter.NONE,
                new QueueFilter(null, null, null, null, null, "ST-ML", null, null, null, day),
                new QueueFilter(null, null, null, QueueFilter.Due.SOON, null, null, null, null, null, day),
                new QueueFilter(null, null, null, null, null, null, null, "展会", null, day));
        List<Long> walkMicros = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            long start = System.nanoTime();
            openWork.page(BACKLOG_UNIT, walks.get(i % walks.size()), Instant.now(), 20L * (i % 7), 20);
            walkMicros.add((System.nanoTime() - start) / 1_000);
        }
        walkMicros.sort(null);
        System.out.printf("queue page at %d, in-memory walk alone: p50=%.2fms p99=%.2fms%n", BACKLOG,
                walkMicros.get(199) / 1000.0, walkMicros.get(395) / 1000.0);
    }

    @Test
    void unknownFilterValuesAreRefusedNamingTheParameter() {
        WebTestClient clerk = Credentials.as(anonymous, "clerk-" + BACKLOG_UNIT);
        List<List<String>> bad = List.of(List.of("status", "CLOSED"), List.of("role", "BOSS"),
                List.of("urgency", "urgent"), List.of("due", "LATE"), List.of("category", "NOPE"),
                List.of("street", "JD-JW"), List.of("source", "FAX"), List.of("signedBy", "you"),
                List.of("text", "\u0001abc"), List.of("text", "a\nb"), List.of("text", "长".repeat(101)),
                List.of("text", "  "));
        bad.forEach(parameter -> clerk.get().uri(b -> b.path("/api/v1/departments/" + BACKLOG_UNIT + "/queue")
                        .queryParam(parameter.get(0), "{value}").build(parameter.get(1)))
                .exchange().expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo(parameter.get(0)));
        clerk.get().uri("/api/v1/departments/" + BACKLOG_UNIT + "/queue/stream?role=BOSS")
                .accept(MediaType.TEXT_EVENT_STREAM).exchange()
                .expectStatus().isBadRequest().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        // An EventSource asks for text/event-stream only; a refusal is a problem all the same.
        Credentials.as(anonymous, "clerk-JD-CZ").get().uri("/api/v1/departments/" + BACKLOG_UNIT + "/queue/stream")
                .accept(MediaType.TEXT_EVENT_STREAM).exchange().expectStatus().isForbidden().expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        Credentials.as(anonymous, "supervisor").get().uri("/api/v1/departments/JD-NOPE/queue/stream")
                .accept(MediaType.TEXT_EVENT_STREAM).exchange().expectStatus().isNotFound().expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        anonymous.get().uri("/api/v1/departments/" + BACKLOG_UNIT + "/queue/stream")
                .accept(MediaType.TEXT_EVENT_STREAM).exchange().expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    // --- the live stream ------------------------------------------------------------------------------------------

    @Test
    void anOpenQueueGetsANewAppealWithinASecondAndItsRemovalOnceAnswered() throws InterruptedException {
        String unit = "JD-YJGL";
        // Warm up: this instance's consumer has caught up with the topic once an acceptance of now is routed.
        AppealAccepted warmUp = accepted("SAFETY");
        publish(warmUp);
        await().atMost(WAIT).until(() -> store.find(warmUp.appealId()).blockOptional(WAIT).isPresent());

        BlockingQueue<Arrival> arrivals = new LinkedBlockingQueue<>();
        Disposable subscription = WebClient.builder().baseUrl("http://127.0.0.1:" + port)
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + TestIssuer.start().token("clerk-" + unit))
                .build().get().uri("/api/v1/departments/{code}/queue/stream", unit)
                .accept(MediaType.TEXT_EVENT_STREAM).retrieve()
                .bodyToFlux(new ParameterizedTypeReference<ServerSentEvent<Map<String, Object>>>() {
                })
                .subscribe(event -> arrivals.add(new Arrival(System.nanoTime(), event)));
        try {
            assertThat(arrivals.poll(30, TimeUnit.SECONDS)).as("the stream opens").isNotNull();

            AppealAccepted accepted = accepted("SAFETY");
            long published = System.nanoTime();
            publish(accepted);
            Arrival item = next(arrivals, "item", accepted.appealId());
            long itemMillis = (item.nanos() - published) / 1_000_000;
            assertThat(item.event().data()).containsEntry("status", "ASSIGNED").containsEntry("role", "LEAD")
                    .containsEntry("number", accepted.appeal().number()).containsEntry("title", "安全生产许可咨询");

            long answered = System.nanoTime();
            publish(new AppealResponded(UUID.randomUUID().toString(), accepted.appeal(), 3, Instant.now(),
                    "staff:clerk-" + unit, unit, AnswerResult.RESOLVED, "已答复", true), FEEDBACK);
            Arrival removed = next(arrivals, "removed", accepted.appealId());
            long removedMillis = (removed.nanos() - answered) / 1_000_000;
            assertThat(removed.event().data()).containsEntry("id", accepted.appealId());
            System.out.printf("queue stream: item %d ms after the acceptance was published, removed %d ms after "
                    + "the answer%n", itemMillis, removedMillis);
            assertThat(itemMillis).as("ms from acceptance to the open queue").isLessThan(1000);
        } finally {
            subscription.dispose();
        }
    }

    // --- signing --------------------------------------------------------------------------------------------------

    @Test
    void ofTwoClerksSigningAtOnceExactlyOneWinsAndOneAppealSignedIsPublished() {
        // Licensing is led by 区行政服务中心 alone, a queue the other test class never routes to (it counts some).
        String unit = "JD-XZFW";
        List<AppealAccepted> appeals = IntStream.range(0, 20).mapToObj(i -> accepted("LICENSING")).toList();
        appeals.forEach(this::publish);
        await().atMost(WAIT).until(() -> appeals.stream().allMatch(a -> store.find(a.appealId()).blockOptional(WAIT)
                .filter(d -> d.status() == AppealStatus.ASSIGNED).isPresent()));

        WebClient http = WebClient.builder().baseUrl("http://127.0.0.1:" + port).build();
        List<String> clerks = List.of("clerk-" + unit, "head-" + unit);
        Map<String, String> winners = new java.util.HashMap<>();
        for (AppealAccepted appeal : appeals) {
            List<Signing> both = Flux.fromIterable(clerks)
                    .flatMap(clerk -> sign(http, unit, appeal.appealId(), clerk))
                    .collectList().block(WAIT);
            assertThat(both).extracting(Signing::status).containsExactlyInAnyOrder(200, 409);
            Signing won = both.stream().filter(s -> s.status() == 200).findFirst().orElseThrow();
            Signing lost = both.stream().filter(s -> s.status() == 409).findFirst().orElseThrow();
            assertThat(lost.contentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            assertThat(lost.body()).contains(won.clerk()).contains("\"currentStatus\":\"SIGNED\"");
            winners.put(appeal.appealId(), won.clerk());
        }
        // The winner signing again is answered the same, publishing nothing.
        for (AppealAccepted appeal : appeals.subList(0, 5)) {
            assertThat(sign(http, unit, appeal.appealId(), winners.get(appeal.appealId())).block(WAIT).status())
                    .isEqualTo(200);
        }

        Set<String> ids = appeals.stream().map(AppealAccepted::appealId).collect(Collectors.toSet());
        Map<String, List<AppealSigned>> signed = kafka.readAll(Duration.ofSeconds(5),
                        r -> ids.contains(r.key()) && r.event() instanceof AppealSigned, Topics.EVENTS).stream()
                .map(r -> (AppealSigned) r.event())
                .collect(Collectors.groupingBy(AppealSigned::appealId));
        assertThat(signed.keySet()).isEqualTo(ids);
        signed.forEach((id, events) -> {
            assertThat(events).as(id).hasSize(1);
            assertThat(events.get(0).actor()).isEqualTo("staff:" + winners.get(id));
        });
    }

    // --- helpers --------------------------------------------------------------------------------------------------

    record Arrival(long nanos, ServerSentEvent<Map<String, Object>> event) {
    }

    record Signing(String clerk, int status, String contentType, String body) {
    }

    /** Every filter the page takes, alone and combined, and which of the backlog it lets through. */
    private Map<String, Predicate<Seeded>> filters() {
        String me = "clerk-" + BACKLOG_UNIT;
        Map<String, Predicate<Seeded>> filters = new java.util.LinkedHashMap<>();
        filters.put("", s -> true);
        filters.put("status=SIGNED", s -> s.status() == AppealStatus.SIGNED);
        filters.put("role=CO_HANDLER", s -> s.role() == QueueRole.CO_HANDLER);
        filters.put("role=LEAD", s -> s.role() == QueueRole.LEAD);
        filters.put("urgency=URGENT", s -> s.urgency() == Urgency.URGENT);
        filters.put("due=OVERDUE", WorkQueueIntegrationTest::isOverdue);
        filters.put("due=SOON", WorkQueueIntegrationTest::isSoon);
        filters.put("category=LEGAL", s -> s.category().equals("LEGAL"));
        filters.put("street=ST-ML", s -> s.street().equals("ST-ML"));
        filters.put("source=ONLINE_PORTAL", s -> s.source() == Source.ONLINE_PORTAL);
        filters.put("text=展会", s -> s.title().contains("展会"));
        filters.put("text=" + "Qs-20260302-0123", s -> s.number().startsWith("QS-20260302-0123"));
        filters.put("text=" + "文旅7号", s -> s.enterpriseName().contains("文旅7号"));
        filters.put("signedBy=me", s -> me.equals(s.signedBy()));
        filters.put("role=LEAD&urgency=URGENT&due=SOON&street=ST-AT", s -> s.role() == QueueRole.LEAD
                && s.urgency() == Urgency.URGENT && isSoon(s) && s.street().equals("ST-AT"));
        filters.put("status=ASSIGNED&category=TAX&source=HOTLINE_12345", s -> s.status() == AppealStatus.ASSIGNED
                && s.category().equals("TAX") && s.source() == Source.HOTLINE_12345);
        return filters;
    }

    private static boolean isOverdue(Seeded s) {
        return s.nextDeadline().isBefore(Instant.now());
    }

    private static boolean isSoon(Seeded s) {
        Instant now = Instant.now();
        return !s.nextDeadline().isBefore(now) && !s.nextDeadline().isAfter(now.plus(24, ChronoUnit.HOURS));
    }

    private Map<String, Object> page(WebTestClient client, String query) {
        String parameters = query.startsWith("&") ? query.substring(1) : query;
        return client.get().uri("/api/v1/departments/" + BACKLOG_UNIT + "/queue?" + parameters).exchange()
                .expectStatus().isOk().expectBody(MAP).returnResult().getResponseBody();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> items(Map<String, Object> page) {
        return (List<Map<String, Object>>) page.get("items");
    }

    private static List<String> ids(Map<String, Object> page) {
        return items(page).stream().map(i -> (String) i.get("id")).toList();
    }

    private static Mono<Signing> sign(WebClient http, String unit, String appealId, String clerk) {
        return http.post().uri("/api/v1/departments/{code}/queue/{id}/sign", unit, appealId)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestIssuer.start().token(clerk))
                .exchangeToMono(response -> response.bodyToMono(String.class).defaultIfEmpty("")
                        .map(body -> new Signing(clerk, response.statusCode().value(),
                                response.headers().contentType().map(MediaType::toString).orElse(""), body)));
    }

    /** The next event of {@code name} about the appeal, skipping the rest (heartbeats, other appeals' changes). */
    private static Arrival next(BlockingQueue<Arrival> arrivals, String name, String appealId)
            throws InterruptedException {
        long end = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < end) {
            Arrival arrival = arrivals.poll(1, TimeUnit.SECONDS);
            if (arrival != null && name.equals(arrival.event().event())
                    && appealId.equals(arrival.event().id())) {
                return arrival;
            }
        }
        throw new AssertionError("No " + name + " event for " + appealId + " within " + WAIT);
    }

    private void publish(AppealEvent event) {
        publish(event, INTAKE);
    }

    /** On a producer kept open, so that a measured latency is the platform's, not a new connection's. */
    private void publish(AppealEvent event, String source) {
        EventEnvelope envelope = EventEnvelope.of(event, source);
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(envelope.topic(), envelope.key(),
                envelope.payload());
        envelope.headers().forEach((k, v) -> record.headers().add(k, v.getBytes(StandardCharsets.UTF_8)));
        try {
            producer.send(record).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Could not publish " + event.type(), e);
        }
    }

    private static AppealAccepted accepted(String category) {
        String appealId = UUID.randomUUID().toString();
        Instant signBy = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        return new AppealAccepted(UUID.randomUUID().toString(), new AppealRef(appealId,
                "QS-20260302-" + appealId.substring(0, 6), Source.HOTLINE_12345, "GD" + appealId.substring(0, 8)), 1,
                Instant.now(), "hotline", new Enterprise("上海嘉定测试有限公司", "91310114CL12TH3B1T", "吴先生",
                "13078106871"), "ST-AT", "安全生产许可咨询", "内容", category, Urgency.NORMAL,
                new Deadlines(signBy, signBy.plus(1, ChronoUnit.HOURS), signBy.plus(5, ChronoUnit.DAYS)), null);
    }
}
