package gov.appeals.dispatch.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import gov.appeals.dispatch.routing.RoutingHistory.PastRouting;
import gov.appeals.dispatch.routing.store.RuleVersionStore;
import gov.appeals.events.AppealAccepted;
import gov.appeals.events.AppealAssigned;
import gov.appeals.events.AppealRef;
import gov.appeals.events.Deadlines;
import gov.appeals.events.Enterprise;
import gov.appeals.events.Source;
import gov.appeals.events.Topics;
import gov.appeals.events.Urgency;
import gov.appeals.testsupport.Credentials;
import gov.appeals.testsupport.HostileInput;
import gov.appeals.testsupport.HostileInput.Endpoint;
import gov.appeals.testsupport.KafkaTestClient;
import gov.appeals.testsupport.TestInfrastructure;
import gov.appeals.testsupport.TestIssuer;

/**
 * The routing rules as a supervisor edits them, against a real Kafka broker and MongoDB wire protocol. The scenarios
 * share one store, so each starts from whatever version is active and leaves rules the others do not notice. The
 * context is closed after the class: another class's dispatch consuming the same topic would route these appeals too.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "appeals.messaging.retry-initial=100ms",
        "appeals.outbox.sweep-interval=1s",
        "appeals.outbox.stale-after=1s",
        "appeals.outbox.full-scan-interval=1s",
        "appeals.routing.refresh-interval=1s"})
@AutoConfigureWebTestClient(timeout = "30s")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class RoutingRulesIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(45);
    private static final String INTAKE = "/appeals/appeal-intake";
    private static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {
    };

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "dispatch-routing");
        TestIssuer.register(registry);
    }

    /** The appeals a what-if replays, as the queue's store would report them; and the periods asked for. */
    @TestConfiguration
    static class History {

        static final List<PastRouting> ROUTED = new CopyOnWriteArrayList<>();
        static final List<Instant[]> ASKED = new CopyOnWriteArrayList<>();

        @Bean
        @Primary
        RoutingHistory routingHistory() {
            return (from, to) -> {
                ASKED.add(new Instant[] {from, to});
                return CompletableFuture.completedFuture(ROUTED.stream()
                        .filter(r -> !r.acceptedAt().isBefore(from) && r.acceptedAt().isBefore(to)).toList());
            };
        }
    }

    @Autowired
    WebTestClient anonymous;

    @Autowired
    RuleVersionStore versions;

    @Autowired
    ActiveRules activeRules;

    /** The supervisor, unless a scenario says otherwise. */
    WebTestClient http;

    private final KafkaTestClient kafka = KafkaTestClient.forTestInfrastructure();

    @BeforeEach
    void credentials() {
        http = Credentials.natural(anonymous);
    }

    // --- editing -------------------------------------------------------------------------------------------------

    @Test
    void anEditBecomesTheActiveVersionAndTheNextAcceptedAppealIsAssignedByItsRuleAndVersion() {
        Map<String, Object> before = active();
        int basedOn = version(before);
        List<Map<String, Object>> rules = rules(before);
        rules.add(rule("key-enterprise-tax", 5, Map.of("categories", List.of("TAX"), "keyEnterprise", true),
                "JD-CZ", List.of("JD-SWJ"), "重点企业的税费诉求由区财政局牵头"));

        Map<String, Object> published = publish(basedOn, "重点企业税费诉求改由区财政局牵头", rules).expectStatus().isCreated()
                .expectBody(MAP).returnResult().getResponseBody();

        assertThat(published).containsEntry("version", basedOn + 1).containsEntry("active", true)
                .containsEntry("author", "supervisor").containsEntry("basedOn", basedOn)
                .containsEntry("why", "重点企业税费诉求改由区财政局牵头");
        assertThat(version(active())).isEqualTo(basedOn + 1);
        assertThat(get("/api/v1/routing/rules/versions/" + basedOn)).containsEntry("active", false);
        List<Map<String, Object>> history = items(get("/api/v1/routing/rules/versions?size=100"));
        assertThat(history.get(0)).containsEntry("version", basedOn + 1).containsEntry("active", true)
                .doesNotContainKey("rules");
        assertThat(history).extracting(v -> v.get("version")).contains(1);

        AppealAccepted keyTax = accepted(Source.HOTLINE_12345, "TAX", "ST-JQ", true);
        AppealAccepted otherTax = accepted(Source.HOTLINE_12345, "TAX", "ST-JQ", false);
        kafka.publish(keyTax, INTAKE);
        kafka.publish(otherTax, INTAKE);

        AppealAssigned assigned = assigned(keyTax);
        assertThat(assigned.department()).isEqualTo("JD-CZ");
        assertThat(assigned.coHandlers()).containsExactly("JD-SWJ");
        assertThat(assigned.decidedBy()).isEqualTo("rule:key-enterprise-tax");
        assertThat(assigned.ruleVersion()).isEqualTo(basedOn + 1);
        assertThat(assigned.reason()).contains("key-enterprise-tax").contains("区财政局");
        AppealAssigned other = assigned(otherTax);
        assertThat(other.department()).isEqualTo("JD-SWJ");
        assertThat(other.decidedBy()).isEqualTo("rule:category:TAX");
        assertThat(other.ruleVersion()).isEqualTo(basedOn + 1);
    }

    @Test
    void aVersionAnotherInstancePublishedRoutesHereWithinTheRefreshInterval() {
        Map<String, Object> before = active();
        int next = version(before) + 1;
        RuleVersion current = versions.find(version(before)).block(Duration.ofSeconds(10));
        // Written to the store directly, as another dispatch instance would: this one hears nothing of it.
        versions.insert(new RuleVersion(next, current.rules(), "supervisor-elsewhere", Instant.now(),
                "另一实例发布", current.version())).block(Duration.ofSeconds(10));

        await().atMost(Duration.ofSeconds(10)).until(() -> activeRules.current().version() == next);
        AppealAccepted tax = accepted(Source.HOTLINE_12345, "TAX", "ST-JQ", false);
        kafka.publish(tax, INTAKE);
        assertThat(assigned(tax).ruleVersion()).isEqualTo(next);
    }

    @Test
    void anEditBasedOnAVersionThatIsNoLongerActiveIsAConflictAndChangesNothing() {
        Map<String, Object> before = active();
        int basedOn = version(before);
        publish(basedOn, "第一次修改", rules(before)).expectStatus().isCreated();

        problem(publish(basedOn, "基于旧版本的修改", rules(before)), 409)
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("changed meanwhile"))
                .jsonPath("$.currentStatus").isEqualTo(String.valueOf(basedOn + 1));
        assertThat(version(active())).isEqualTo(basedOn + 1);
    }

    @Test
    void ofTwoSupervisorsPublishingFromTheSameVersionAtOnceOneWinsAndTheOtherGetsAConflict() {
        Map<String, Object> before = active();
        int basedOn = version(before);

        List<CompletableFuture<Integer>> racing = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            String why = "并发修改 " + i;
            racing.add(CompletableFuture.supplyAsync(() -> publish(basedOn, why, rules(before)).returnResult(Void.class)
                    .getStatus().value()));
        }

        assertThat(racing.stream().map(CompletableFuture::join).toList()).containsExactlyInAnyOrder(201, 409);
        assertThat(version(active())).isEqualTo(basedOn + 1);
    }

    @Test
    void aRollbackBringsBackTheRulesOfAnEarlierVersionAsANewVersionBasedOnIt() {
        Map<String, Object> earlier = active();
        int earlierVersion = version(earlier);
        List<Map<String, Object>> changed = rules(earlier);
        changed.add(rule("temporary", 1, Map.of("keywords", List.of("临时规则测试")), "JD-FGW", List.of(), null));
        publish(earlierVersion, "临时规则", changed).expectStatus().isCreated();

        Map<String, Object> rolledBack = post("/api/v1/routing/rules/rollback",
                Map.of("version", earlierVersion, "why", "临时规则撤回")).expectStatus().isCreated()
                .expectBody(MAP).returnResult().getResponseBody();

        assertThat(rolledBack).containsEntry("version", earlierVersion + 2).containsEntry("basedOn", earlierVersion)
                .containsEntry("active", true).containsEntry("why", "临时规则撤回");
        assertThat(rolledBack.get("rules")).isEqualTo(earlier.get("rules"));
        assertThat(active().get("rules")).isEqualTo(earlier.get("rules"));
        problem(post("/api/v1/routing/rules/rollback", Map.of("version", earlierVersion + 2, "why", "再来一次")), 409);
        problem(post("/api/v1/routing/rules/rollback", Map.of("version", 99_999, "why", "不存在")), 404);
    }

    @Test
    void aCandidateWithUnknownCodesOrDuplicateIdsIsRefusedNamingEachField() {
        int basedOn = version(active());
        List<Map<String, Object>> rules = List.of(
                rule("a", 1, Map.of("categories", List.of("NOPE")), "JD-NOPE", List.of(), null),
                rule("a", 2, Map.of(), "STREET", List.of("ST-NOPE"), null));

        problem(publish(basedOn, "坏规则", rules), 400)
                .jsonPath("$.errors[?(@.field == 'rules[0].lead')]").exists()
                .jsonPath("$.errors[?(@.field == 'rules[0].match.categories[0]')]").exists()
                .jsonPath("$.errors[?(@.field == 'rules[1].id')]").exists()
                .jsonPath("$.errors[?(@.field == 'rules[1].coHandlers[0]')]").exists();
        problem(publish(basedOn, " ", rules(active())), 400).jsonPath("$.errors[0].field").isEqualTo("why");
        problem(http.post().uri("/api/v1/routing/rules").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"basedOn\":" + basedOn + ",\"why\":\"x\",\"rules\":[],\"force\":true}").exchange(), 400);
        assertThat(version(active())).isEqualTo(basedOn);
    }

    @Test
    void refusesThousandsOfMalformedOversizedMisencodedAndInjectedBodiesWithoutChangingTheRules() {
        int before = version(active());
        // Based on a version that does not exist, and dry-running one: even a body that survives stays refused.
        String rules = "[{\"id\":\"key-tax\",\"priority\":5,\"match\":{\"categories\":[\"TAX\"],"
                + "\"keyEnterprise\":true,\"keywords\":[\"退税\"]},\"lead\":\"JD-CZ\","
                + "\"coHandlers\":[\"JD-SWJ\"],\"note\":\"区政府决定\"}]";
        var publish = HostileInput.attack(http, new Endpoint(HttpMethod.POST, "/api/v1/routing/rules",
                "{\"basedOn\":99999,\"why\":\"调整税费诉求\",\"rules\":" + rules + "}"), 1200, 9);
        var dryRun = HostileInput.attack(http, new Endpoint(HttpMethod.POST, "/api/v1/routing/dry-run",
                "{\"version\":99999,\"appeals\":[{\"category\":\"TAX\",\"street\":\"ST-ML\","
                        + "\"urgency\":\"NORMAL\",\"source\":\"HOTLINE_12345\",\"keyEnterprise\":false,"
                        + "\"title\":\"退税\",\"content\":\"内容\"}]}"), 600, 10);
        var whatIf = HostileInput.attack(http, new Endpoint(HttpMethod.POST, "/api/v1/routing/what-if",
                "{\"rules\":" + rules + ",\"from\":\"2026-03-02T00:00:00Z\",\"to\":\"2026-03-01T00:00:00Z\"}"),
                600, 11);
        System.out.printf("[hostile input] routing: publish %s, dry run %s, what-if %s%n", publish, dryRun, whatIf);
        assertThat(version(active())).isEqualTo(before);
    }

    @Test
    void nullsInsideListsAreRefusedNamingTheField() {
        int basedOn = version(active());
        problem(post("/api/v1/routing/rules", Map.of("basedOn", basedOn, "why", "空值",
                "rules", List.of(rule("x", 1, Map.of(), "JD-KW", java.util.Arrays.asList("JD-CZ", null), null)))), 400)
                .jsonPath("$.errors[0].field").isEqualTo("rules[0].coHandlers");
        problem(http.post().uri("/api/v1/routing/rules").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"basedOn\":" + basedOn + ",\"why\":\"空值\",\"rules\":[{\"id\":\"x\","
                        + "\"priority\":1,\"match\":{\"categories\":[null]},\"lead\":\"JD-KW\"}]}")
                .exchange(), 400);
        assertThat(version(active())).isEqualTo(basedOn);
    }

    // --- jurisdiction --------------------------------------------------------------------------------------------

    @Test
    void anAppealTakenInAtAStreetCentreWithinTheStreetsRemitGoesToThatStreet() {
        AppealAccepted offline = accepted(Source.STREET_CENTRE, "OTHER", "ST-XH", false);
        kafka.publish(offline, INTAKE);

        AppealAssigned assigned = assigned(offline);
        assertThat(assigned.department()).isEqualTo("ST-XH");
        assertThat(assigned.decidedBy()).isEqualTo("rule:jurisdiction:offline");
        assertThat(assigned.reason()).contains("徐行镇");
    }

    // --- dry run and what-if -------------------------------------------------------------------------------------

    @Test
    void aDryRunSaysWhereEachAppealWouldGoAndByWhichRuleUnderTheActiveVersion() {
        int active = version(active());
        Map<String, Object> answer = post("/api/v1/routing/dry-run", Map.of("appeals", List.of(
                appeal("FINANCING", "ST-ML", "HOTLINE_12345"),
                appeal("OTHER", "ST-AT", "SERVICE_COMMISSIONER"),
                appeal(null, "ST-AT", "ONLINE_PORTAL")))).expectStatus().isOk()
                .expectBody(MAP).returnResult().getResponseBody();

        assertThat(answer).containsEntry("version", active);
        List<Map<String, Object>> results = results(answer);
        assertThat(results.get(0)).containsEntry("lead", "JD-JW").containsEntry("ruleId", "category:FINANCING")
                .containsEntry("ruleVersion", active).containsEntry("triage", false)
                .containsEntry("coHandlers", List.of("JD-CZ", "JD-SWW"));
        assertThat(results.get(1)).containsEntry("lead", "ST-AT").containsEntry("ruleId", "jurisdiction:offline");
        assertThat(results.get(2)).containsEntry("lead", "JD-JW").containsEntry("triage", true)
                .containsEntry("ruleId", null);
        assertThat((String) results.get(2).get("reason")).contains("could not classify");
    }

    @Test
    void aDryRunTriesCandidateRulesOrAnEarlierVersionWithoutPublishingAnything() {
        int active = version(active());
        Map<String, Object> candidate = post("/api/v1/routing/dry-run", Map.of(
                "appeals", List.of(appeal("FINANCING", "ST-ML", "HOTLINE_12345")),
                "rules", List.of(rule("all-to-kw", 1, Map.of(), "JD-KW", List.of(), null)))).expectStatus().isOk()
                .expectBody(MAP).returnResult().getResponseBody();

        assertThat(candidate).containsEntry("version", null);
        assertThat(results(candidate).get(0)).containsEntry("lead", "JD-KW").containsEntry("ruleId", "all-to-kw")
                .containsEntry("ruleVersion", null);
        Map<String, Object> first = post("/api/v1/routing/dry-run", Map.of("version", 1,
                "appeals", List.of(appeal("TAX", "ST-ML", "HOTLINE_12345")))).expectStatus().isOk()
                .expectBody(MAP).returnResult().getResponseBody();
        assertThat(results(first).get(0)).containsEntry("ruleVersion", 1).containsEntry("lead", "JD-SWJ");
        assertThat(version(active())).isEqualTo(active);

        problem(post("/api/v1/routing/dry-run", Map.of("appeals", List.of())), 400)
                .jsonPath("$.errors[0].field").isEqualTo("appeals");
        problem(post("/api/v1/routing/dry-run", Map.of("appeals", List.of(appeal("TAX", "ST-ML", "HOTLINE_12345")),
                "rules", List.of(rule("x", 1, Map.of(), "NOWHERE", List.of(), null)))), 400)
                .jsonPath("$.errors[0].field").isEqualTo("rules[0].lead");
        problem(post("/api/v1/routing/dry-run", Map.of("version", 99_999,
                "appeals", List.of(appeal("TAX", "ST-ML", "HOTLINE_12345")))), 404);
    }

    @Test
    void aWhatIfReplaysTheLastThirtyDaysAgainstACandidateAndCountsWhoWouldLeadInstead() {
        Instant now = Instant.now();
        String marker = UUID.randomUUID().toString();
        History.ROUTED.add(past(marker + "-1", "TAX", "JD-SWJ", true, false, now.minus(2, ChronoUnit.DAYS)));
        History.ROUTED.add(past(marker + "-2", "TAX", "JD-SWJ", false, true, now.minus(3, ChronoUnit.DAYS)));
        History.ROUTED.add(past(marker + "-3", "LAND", "JD-GHZY", false, false, now.minus(4, ChronoUnit.DAYS)));
        History.ROUTED.add(past(marker + "-4", "TAX", "JD-SWJ", true, false, now.minus(40, ChronoUnit.DAYS)));
        List<Map<String, Object>> candidate = List.of(
                rule("tax-to-finance", 1, Map.of("categories", List.of("TAX")), "JD-CZ", List.of(), null),
                rule("land", 2, Map.of("categories", List.of("LAND")), "JD-GHZY", List.of(), null));

        Map<String, Object> report = post("/api/v1/routing/what-if", Map.of("rules", candidate)).expectStatus().isOk()
                .expectBody(MAP).returnResult().getResponseBody();

        Instant[] asked = History.ASKED.get(History.ASKED.size() - 1);
        assertThat(Duration.between(asked[0], asked[1])).isEqualTo(Duration.ofDays(30));
        assertThat(report).containsEntry("replayed", 3).containsEntry("unchanged", 1).containsEntry("changed", 2)
                .containsEntry("changedReturned", 1).containsEntry("changedReopened", 1).containsEntry("toTriage", 0);
        assertThat(report.get("moves")).isEqualTo(List.of(Map.of("from", "JD-SWJ", "to", "JD-CZ", "count", 2,
                "returned", 1, "reopened", 1)));

        problem(post("/api/v1/routing/what-if", Map.of("rules", candidate, "from", "2026-03-02T00:00:00Z",
                "to", "2026-03-01T00:00:00Z")), 400).jsonPath("$.errors[0].field").isEqualTo("from");
        problem(post("/api/v1/routing/what-if", Map.of("rules", candidate, "from", "2024-01-01T00:00:00Z",
                "to", "2026-03-01T00:00:00Z")), 400).jsonPath("$.errors[0].field").isEqualTo("from");
    }

    // --- who may -------------------------------------------------------------------------------------------------

    @Test
    void aClerkMayNeitherEditNorReadTheRules() {
        WebTestClient clerk = Credentials.as(anonymous, "clerk-JD-SWJ");
        int basedOn = version(active());

        problem(clerk.post().uri("/api/v1/routing/rules").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("basedOn", basedOn, "why", "越权修改", "rules", rules(active()))).exchange(), 403);
        problem(clerk.get().uri("/api/v1/routing/rules").exchange(), 403);
        problem(anonymous.get().uri("/api/v1/routing/rules").exchange(), 401);
        assertThat(version(active())).isEqualTo(basedOn);
    }

    @Test
    void theTriagerReadsAndDryRunsTheRulesButOnlyASupervisorChangesThemOrReplaysHistory() {
        WebTestClient triager = Credentials.as(anonymous, "triager");
        Map<String, Object> current = active();

        triager.get().uri("/api/v1/routing/rules").exchange().expectStatus().isOk();
        triager.get().uri("/api/v1/routing/rules/versions").exchange().expectStatus().isOk();
        triager.post().uri("/api/v1/routing/dry-run").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("appeals", List.of(appeal("TAX", "ST-ML", "HOTLINE_12345")))).exchange()
                .expectStatus().isOk();
        problem(triager.post().uri("/api/v1/routing/rules").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("basedOn", version(current), "why", "x", "rules", rules(current))).exchange(), 403);
        problem(triager.post().uri("/api/v1/routing/rules/rollback").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("version", 1, "why", "x")).exchange(), 403);
        problem(triager.post().uri("/api/v1/routing/what-if").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("rules", rules(current))).exchange(), 403);
    }

    @Test
    void publishesTheRoutingEndpointsInTheApiDocs() {
        http.get().uri("/v3/api-docs").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.paths['/api/v1/routing/rules'].get").exists()
                .jsonPath("$.paths['/api/v1/routing/rules'].post").exists()
                .jsonPath("$.paths['/api/v1/routing/rules/versions']").exists()
                .jsonPath("$.paths['/api/v1/routing/rules/versions/{version}']").exists()
                .jsonPath("$.paths['/api/v1/routing/rules/rollback']").exists()
                .jsonPath("$.paths['/api/v1/routing/dry-run']").exists()
                .jsonPath("$.paths['/api/v1/routing/what-if']").exists();
    }

    // --- helpers -------------------------------------------------------------------------------------------------

    private Map<String, Object> active() {
        return get("/api/v1/routing/rules");
    }

    private Map<String, Object> get(String uri) {
        return http.get().uri(uri).exchange().expectStatus().isOk().expectBody(MAP).returnResult().getResponseBody();
    }

    private WebTestClient.ResponseSpec post(String uri, Object body) {
        return http.post().uri(uri).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    private WebTestClient.ResponseSpec publish(int basedOn, String why, List<Map<String, Object>> rules) {
        return post("/api/v1/routing/rules", Map.of("basedOn", basedOn, "why", why, "rules", rules));
    }

    private static WebTestClient.BodyContentSpec problem(WebTestClient.ResponseSpec response, int status) {
        return response.expectStatus().isEqualTo(status)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(status);
    }

    private static int version(Map<String, Object> version) {
        return ((Number) version.get("version")).intValue();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> rules(Map<String, Object> version) {
        return new ArrayList<>((List<Map<String, Object>>) version.get("rules"));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> items(Map<String, Object> page) {
        return (List<Map<String, Object>>) page.get("items");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> results(Map<String, Object> dryRun) {
        return (List<Map<String, Object>>) dryRun.get("results");
    }

    private static Map<String, Object> rule(String id, int priority, Map<String, Object> match, String lead,
                                            List<String> coHandlers, String note) {
        Map<String, Object> rule = new HashMap<>(Map.of("id", id, "priority", priority, "match", match, "lead", lead,
                "coHandlers", coHandlers));
        if (note != null) {
            rule.put("note", note);
        }
        return rule;
    }

    private static Map<String, Object> appeal(String category, String street, String source) {
        Map<String, Object> appeal = new HashMap<>(Map.of("street", street, "urgency", "NORMAL", "source", source,
                "keyEnterprise", false, "title", "测试诉求", "content", "内容"));
        if (category != null) {
            appeal.put("category", category);
        }
        return appeal;
    }

    private AppealAssigned assigned(AppealAccepted accepted) {
        return (AppealAssigned) kafka.awaitFirst(WAIT, r -> accepted.appealId().equals(r.key())
                && r.event() instanceof AppealAssigned, Topics.EVENTS).orElseThrow().event();
    }

    private static PastRouting past(String id, String category, String firstLead, boolean returned, boolean reopened,
                                    Instant at) {
        return new PastRouting(id, new AppealFacts(category, "ST-AT", Urgency.NORMAL, Source.HOTLINE_12345, false,
                "测试"), firstLead, 1, returned, reopened, at);
    }

    private static AppealAccepted accepted(Source source, String category, String street, boolean keyEnterprise) {
        String appealId = UUID.randomUUID().toString();
        Instant at = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        return new AppealAccepted(UUID.randomUUID().toString(), new AppealRef(appealId,
                "QS-20260302-" + appealId.substring(0, 6), source, "GD" + appealId.substring(0, 8)), 1, Instant.now(),
                "hotline", new Enterprise("上海嘉定测试有限公司", "91310114CL12TH3B1T", "吴先生", "13078106871"), street,
                "测试诉求", "内容", category, Urgency.NORMAL,
                new Deadlines(at, at.plus(1, ChronoUnit.HOURS), at.plus(5, ChronoUnit.DAYS)), keyEnterprise);
    }
}
