package gov.appeals.deploy;

import static gov.appeals.deploy.HotlineAppealEndToEndIT.awaitStatus;
import static gov.appeals.deploy.HotlineAppealEndToEndIT.hotlineSample;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import gov.appeals.deploy.HotlineAppealEndToEndIT.Urls;
import gov.appeals.reference.Department;
import gov.appeals.reference.ReferenceData;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The authorization matrix of docs/security.md, row by row and role by role, against the running platform with
 * tokens of its own issuer and requests signed with the hotline's key: every request without credentials is 401, a
 * role the row refuses gets 403, a department's staff get 404 for another department's appeal (403 for another
 * unit named in the path), the right role gets its 2xx. It also fails when a service serves an endpoint the matrix
 * does not list, or the matrix lists one no service serves (each service's OpenAPI document says what it serves).
 */
@ExtendWith(PlatformExtension.class)
class AuthorizationMatrixIT {

    private static final Duration HOP = Duration.ofSeconds(60);
    private static final List<String> ROLES = List.of("hotline", "clerk", "head", "triager", "supervisor", "operator");
    private static final String EVERY_SERVICE = "every service";

    /** One row of the matrix: the cell of each role. */
    record Row(String service, String method, String path, Map<String, String> cells) {

        String endpoint() {
            return method + " " + path;
        }
    }

    @Test
    void everyEndpointAServiceServesIsInTheMatrixAndEveryRowIsServed(LocalPlatform platform) {
        List<Row> matrix = matrix();
        for (Service service : Service.values()) {
            Set<String> served = new TreeSet<>();
            JsonNode apiDocs = Http.get(platform.config().serviceUrl(service) + "/v3/api-docs").json();
            assertThat(apiDocs.path("components").path("securitySchemes").propertyNames())
                    .as("the ways in Swagger UI offers for %s", service.artifactId())
                    .contains("bearer", "signature");
            JsonNode paths = apiDocs.path("paths");
            paths.properties().forEach(path -> path.getValue().properties().forEach(operation ->
                    served.add(operation.getKey().toUpperCase(java.util.Locale.ROOT) + " " + path.getKey())));
            Set<String> listed = new TreeSet<>();
            matrix.stream().filter(row -> row.service().equals(service.artifactId())
                    || row.service().equals(EVERY_SERVICE)).forEach(row -> listed.add(row.endpoint()));
            assertThat(served).as("the endpoints %s serves, against docs/security.md", service.artifactId())
                    .isEqualTo(listed);
        }
    }

    @Test
    void everyRoleGetsWhatItsCellSaysOnEveryRow(LocalPlatform platform) {
        Fixture fixture = Fixture.make(platform.config());
        List<Row> matrix = new ArrayList<>(matrix());
        // In the order an appeal lives: signing before answering before rating.
        List<String> lifecycle = List.of("POST /api/v1/appeals", "GET /api/v1/appeals/{id}", "GET /api/v1/appeals",
                "GET /api/v1/enterprises/{creditCode}",
                "GET /api/v1/departments/{code}/queue", "GET /api/v1/departments/{code}/queue/stream",
                "POST /api/v1/departments/{code}/queue/{id}/sign",
                "GET /api/v1/departments/{code}/queue/{id}", "POST /api/v1/departments/{code}/queue/{id}/input",
                "GET /api/v1/appeals/{id}/case", "POST /api/v1/supervision/orders", "GET /api/v1/supervision/orders",
                "GET /api/v1/supervision/orders/{orderId}", "POST /api/v1/appeals/{id}/extensions",
                "POST /api/v1/appeals/{id}/extensions/{extensionId}/decision", "POST /api/v1/appeals/{id}/answer",
                "POST /api/v1/supervision/orders/{orderId}/close", "POST /api/v1/appeals/{id}/rating",
                "GET /api/v1/departments/{code}/consultations",
                "POST /api/v1/departments/{code}/consultations/{id}/answer", "POST /api/v1/triage/{id}/consultations",
                "POST /api/v1/triage/{id}/assignment", "GET /api/v1/deliveries",
                // Last: a return or transfer takes the appeal from its lead.
                "POST /api/v1/departments/{code}/queue/{id}/transfer",
                "POST /api/v1/departments/{code}/queue/{id}/return");
        matrix.sort(java.util.Comparator.comparingInt(row -> {
            int at = lifecycle.indexOf(row.endpoint());
            return at < 0 ? lifecycle.size() : at;
        }));
        List<String> checked = new ArrayList<>();
        for (Row row : matrix) {
            List<Service> services = row.service().equals(EVERY_SERVICE) ? List.of(Service.values())
                    : List.of(service(row.service()));
            for (Service service : services) {
                fixture.prepare(row);
                checkRow(fixture, service, row);
                checked.add(service.artifactId() + " " + row.endpoint());
            }
        }
        System.out.printf("[authorization matrix] %d endpoints × %d roles and no credentials checked%n",
                checked.size(), ROLES.size());
    }

    private static void checkRow(Fixture fixture, Service service, Row row) {
        Request anonymous = fixture.request(service, row, "supervisor", true);
        Http.Response refused = anonymous.send(Http.Caller.NOBODY);
        assertThat(refused.status()).as("%s %s without credentials: %s", service.artifactId(), row.endpoint(),
                refused.body()).isEqualTo(401);
        assertThat(refused.contentType()).isEqualTo("application/problem+json");
        List<String> allowed = new ArrayList<>();
        for (String role : ROLES) {
            String cell = row.cells().get(role);
            if (cell.equals("no")) {
                Http.Response response = fixture.request(service, row, role, true).send(fixture.caller(role, true));
                // The sources' keys are configured at appeal-intake (and the hotline's at notification-service, for
                // SMS preferences) only: elsewhere a signed request is a stranger's.
                int status = role.equals("hotline") && service != Service.INTAKE && service != Service.NOTIFICATION
                        ? 401 : 403;
                assertThat(response.status()).as("%s %s as %s: %s", service.artifactId(), row.endpoint(), role,
                        response.body()).isEqualTo(status);
                assertThat(response.contentType()).isEqualTo("application/problem+json");
            } else {
                allowed.add(role);
            }
        }
        for (String role : allowed) {
            String cell = row.cells().get(role);
            if (cell.startsWith("own") && !role.equals("hotline")) {
                int other = cell.contains("404") ? 404 : 403;
                Http.Response response = fixture.request(service, row, role, false).send(fixture.caller(role, false));
                assertThat(response.status()).as("%s %s as %s of another unit: %s", service.artifactId(),
                        row.endpoint(), role, response.body()).isEqualTo(other);
            }
            Http.Response response = fixture.request(service, row, role, true).send(fixture.caller(role, true));
            int expected = fixture.allowedStatus(row);
            assertThat(response.status()).as("%s %s as %s: %s", service.artifactId(), row.endpoint(), role,
                    response.body()).satisfiesAnyOf(
                            status -> assertThat(status).isBetween(200, 299),
                            status -> assertThat(status).isEqualTo(expected));
        }
    }

    private static Service service(String artifactId) {
        return Arrays.stream(Service.values()).filter(s -> s.artifactId().equals(artifactId)).findFirst()
                .orElseThrow(() -> new AssertionError("docs/security.md names an unknown service " + artifactId));
    }

    /** The matrix table of docs/security.md. */
    static List<Row> matrix() {
        List<String> lines;
        try {
            lines = Files.readAllLines(repositoryRoot().resolve("docs/security.md"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Row> rows = new ArrayList<>();
        List<String> header = null;
        for (String line : lines) {
            if (!line.startsWith("|")) {
                header = line.isBlank() ? header : null;
                continue;
            }
            List<String> cells = Arrays.stream(line.substring(1, line.length() - 1).split("\\|"))
                    .map(String::strip).toList();
            if (cells.size() > 1 && cells.get(0).equals("service") && cells.get(1).equals("endpoint")) {
                header = cells;
                assertThat(header.subList(2, header.size())).isEqualTo(ROLES);
            } else if (header != null && !cells.get(0).startsWith("---")) {
                String[] endpoint = cells.get(1).replace("`", "").split(" ");
                Map<String, String> byRole = new LinkedHashMap<>();
                for (int i = 0; i < ROLES.size(); i++) {
                    byRole.put(ROLES.get(i), cells.get(2 + i));
                }
                rows.add(new Row(cells.get(0), endpoint[0], endpoint[1], byRole));
            }
        }
        assertThat(rows).as("the matrix in docs/security.md").isNotEmpty();
        return rows;
    }

    static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("docs"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("No docs/ above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }

    /**
     * A request of one row, ready to send as any caller.
     *
     * @param stream whether the answer is a stream that does not end: only its status and headers are read
     */
    record Request(String method, String url, String body, boolean stream) {

        Request(String method, String url, String body) {
            this(method, url, body, false);
        }

        Http.Response send(Http.Caller caller) {
            try {
                return stream ? Http.open(url, caller) : Http.send(method, url, body, caller);
            } catch (java.io.UncheckedIOException e) {
                throw new AssertionError("No answer to " + method + " " + url, e);
            }
        }
    }

    /**
     * The appeals the rows act on: one routed to a lead, one in triage; and units that have nothing to do with the
     * first.
     */
    static final class Fixture {

        private final Urls urls;
        private final Callers callers;
        private final String appeal;
        /** The head's own appeal of the same lead: an answer is one member of staff's, the head gives another. */
        private final String headsAppeal;
        private final String externalId;
        /** The enterprise of {@link #appeal} and {@link #headsAppeal}, and of no other appeal. */
        private final String creditCode;
        private final String lead;
        private final String otherUnit;
        private final String inTriage;
        private final String triageUnit;

        private Fixture(Urls urls, String appeal, String headsAppeal, String externalId, String creditCode,
                        String lead, String otherUnit, String inTriage, String triageUnit) {
            this.urls = urls;
            this.callers = urls.callers();
            this.appeal = appeal;
            this.headsAppeal = headsAppeal;
            this.externalId = externalId;
            this.creditCode = creditCode;
            this.lead = lead;
            this.otherUnit = otherUnit;
            this.inTriage = inTriage;
            this.triageUnit = triageUnit;
        }

        static Fixture make(PlatformConfig config) {
            Urls urls = new Urls(config);
            String externalId = "MATRIX-" + UUID.randomUUID();
            // An enterprise of this run only: the other unit's staff must find none of its appeals in its file.
            String creditCode = freshCreditCode();
            String appeal = taxAppeal(urls, externalId, creditCode);
            String headsAppeal = taxAppeal(urls, "MATRIX-H-" + UUID.randomUUID(), creditCode);
            JsonNode assigned = awaitStatus(urls, appeal, "ASSIGNED");
            assertThat(awaitStatus(urls, headsAppeal, "ASSIGNED").path("leadDepartment").asString())
                    .isEqualTo(assigned.path("leadDepartment").asString());
            String lead = assigned.path("leadDepartment").asString();
            Set<String> involved = new HashSet<>();
            involved.add(lead);
            assigned.path("coHandlers").forEach(code -> involved.add(code.asString()));
            ReferenceData reference = ReferenceData.bundled();
            assertThat(lead).as("the lead of a tax appeal").isNotEqualTo(reference.triageUnit().code());
            involved.add(reference.triageUnit().code());
            String other = reference.units().stream().map(Department::code).filter(code -> !involved.contains(code))
                    .findFirst().orElseThrow();

            ObjectNode unroutable = (ObjectNode) Http.JSON.readTree(hotlineSample("MATRIX-T-" + UUID.randomUUID()));
            unroutable.put("title", "一般咨询");
            unroutable.put("content", "想咨询一下有关情况，请尽快联系我们。");
            Http.Response triage = Http.post(urls.intake("/api/v1/appeals"), unroutable.toString(), urls.hotline());
            assertThat(triage.status()).as(triage.body()).isEqualTo(201);
            String inTriage = triage.json().path("id").asString();
            awaitStatus(urls, inTriage, "TRIAGE");
            return new Fixture(urls, appeal, headsAppeal, externalId, creditCode, lead, other, inTriage,
                    reference.triageUnit().code());
        }

        /** A valid unified social credit code (GB 32100-2015) no earlier run used. */
        static String freshCreditCode() {
            String alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
            int[] weights = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
            StringBuilder code = new StringBuilder("913101");
            java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
            while (code.length() < 17) {
                code.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            int sum = 0;
            for (int i = 0; i < 17; i++) {
                sum += alphabet.indexOf(code.charAt(i)) * weights[i];
            }
            return code.append(alphabet.charAt((31 - sum % 31) % 31)).toString();
        }

        /** A tax appeal: its lead (区税务局) is not the triage unit, whose queue the triager may read. */
        private static String taxAppeal(Urls urls, String externalId, String creditCode) {
            ObjectNode tax = (ObjectNode) Http.JSON.readTree(hotlineSample(externalId));
            ((ObjectNode) tax.get("enterprise")).put("creditCode", creditCode);
            tax.put("title", "增值税留抵退税咨询");
            tax.put("content", "我司想了解增值税留抵退税的流程。");
            Http.Response accepted = Http.post(urls.intake("/api/v1/appeals"), tax.toString(), urls.hotline());
            assertThat(accepted.status()).as(accepted.body()).isEqualTo(201);
            return accepted.json().path("id").asString();
        }

        /** The supervision order a supervisor raised on {@link #appeal}, once the row raising it ran. */
        private String orderId;
        /** The extension the lead's head asked for on {@link #headsAppeal}, once the row asking for it ran. */
        private String extensionId;

        /** Brings the appeal to the state the row acts on, as the lead department would. */
        void prepare(Row row) {
            for (String id : List.of(appeal, headsAppeal)) {
                prepare(row, id);
            }
            if (row.path().contains("{orderId}") && orderId == null) {
                orderId = Http.get(urls.feedback("/api/v1/appeals/" + appeal + "/case"), callers.supervisor()).json()
                        .path("supervision").path("orders").path(0).path("id").asString();
            }
            if (row.path().contains("{extensionId}") && extensionId == null) {
                extensionId = Http.get(urls.feedback("/api/v1/appeals/" + headsAppeal + "/case"),
                        callers.supervisor()).json().path("supervision").path("extensions").path(0)
                        .path("extensionId").asString();
            }
        }

        /** A date an extension of the appeal may ask for: two days after its answer deadline. */
        private String extendedUntil(String appealId) {
            String answerBy = Http.get(urls.feedback("/api/v1/appeals/" + appealId + "/case"), callers.supervisor())
                    .json().path("deadlines").path("answerBy").asString();
            return java.time.Instant.parse(answerBy).atZone(java.time.ZoneId.of("Asia/Shanghai")).toLocalDate()
                    .plusDays(2).toString();
        }

        private void prepare(Row row, String appeal) {
            Http.Caller clerk = callers.user("clerk-" + lead);
            switch (row.endpoint()) {
                case "GET /api/v1/appeals/{id}/case" -> await("feedback-service knows the appeal").atMost(HOP)
                        .pollInterval(Duration.ofMillis(300))
                        .until(() -> Http.get(urls.feedback("/api/v1/appeals/" + appeal + "/case"), clerk).status(),
                                status -> status == 200);
                case "POST /api/v1/appeals/{id}/answer" -> await("feedback-service sees the signing").atMost(HOP)
                        .pollInterval(Duration.ofMillis(300))
                        .until(() -> Http.get(urls.feedback("/api/v1/appeals/" + appeal + "/case"), clerk).json()
                                .path("status").asString(), status -> !status.equals("ASSIGNED"));
                case "POST /api/v1/appeals/{id}/rating" -> {
                    if (appeal.equals(this.appeal)) {
                        awaitStatus(urls, appeal, "RESPONDED");
                    }
                }
                case "GET /api/v1/deliveries" -> await("a callback for the appeal").atMost(HOP)
                        .pollInterval(Duration.ofMillis(300))
                        .until(() -> Http.get(urls.config().serviceUrl(Service.NOTIFICATION)
                                + "/api/v1/deliveries?appealId=" + appeal, callers.supervisor()).status(),
                                status -> status == 200);
                default -> {
                }
            }
        }

        /** dispatch-service's active routing rules, as a supervisor reads them. */
        private JsonNode activeRules() {
            return Http.get(urls.config().serviceUrl(Service.DISPATCH) + "/api/v1/routing/rules",
                    callers.supervisor()).json();
        }

        /**
         * What a role that may call the row gets besides a 2xx: the 404 of a dead letter that does not exist, and the
         * 404 of department work the appeal is not (or no longer) open to: the lead posts no co-handler's input, a
         * closed or returned appeal is in no queue, the triager's own queue does not hold a routed appeal, a
         * department not consulted has nothing to answer.
         */
        int allowedStatus(Row row) {
            return row.path().startsWith("/api/v1/ops/dead-letters/")
                    || row.path().startsWith("/api/v1/departments/{code}/queue/{id}")
                    || row.path().endsWith("/answer") && row.path().contains("/consultations/")
                    // an inbox item no unit of the caller has
                    || row.path().equals("/api/v1/inbox/{id}/read") ? 404 : 200;
        }

        /** @param own the role acting on its own unit's appeal (false: a unit that has nothing to do with it) */
        Http.Caller caller(String role, boolean own) {
            return switch (role) {
                case "hotline" -> callers.hotline();
                case "clerk", "head" -> callers.user(role + "-" + (own ? lead : otherUnit));
                default -> callers.user(role);
            };
        }

        Request request(Service service, Row row, String role, boolean own) {
            String base = urls.config().serviceUrl(service);
            String appeal = role.equals("head") ? headsAppeal : this.appeal;
            // The unit in the path: the lead's, except the triager's own queue. Staff of another unit act on the
            // lead's through their own token (caller), which is what "another unit's" means.
            String unit = role.equals("triager") && own ? triageUnit : lead;
            return switch (row.endpoint()) {
                case "POST /api/v1/appeals" -> new Request("POST", base + row.path(),
                        hotlineSample("MATRIX-" + UUID.randomUUID()));
                case "GET /api/v1/appeals/{id}", "GET /api/v1/appeals/{id}/case" ->
                        new Request("GET", base + row.path().replace("{id}", appeal), null);
                case "GET /api/v1/appeals" -> new Request("GET",
                        base + row.path() + "?source=HOTLINE_12345&externalId=" + externalId, null);
                case "GET /api/v1/enterprises/{creditCode}" ->
                        new Request("GET", base + row.path().replace("{creditCode}", creditCode), null);
                case "POST /api/v1/appeals/{id}/rating" -> new Request("POST",
                        base + row.path().replace("{id}", appeal), "{\"rating\":\"SATISFIED\"}");
                case "GET /api/v1/departments/{code}/queue" ->
                        new Request("GET", base + row.path().replace("{code}", unit), null);
                case "GET /api/v1/departments/{code}/queue/stream" ->
                        new Request("GET", base + row.path().replace("{code}", unit), null, true);
                case "POST /api/v1/departments/{code}/queue/{id}/sign" -> new Request("POST",
                        base + row.path().replace("{code}", unit).replace("{id}", appeal), null);
                case "GET /api/v1/departments/{code}/queue/{id}" -> new Request("GET",
                        base + row.path().replace("{code}", unit).replace("{id}", appeal), null);
                case "POST /api/v1/departments/{code}/queue/{id}/input" -> new Request("POST",
                        base + row.path().replace("{code}", unit).replace("{id}", appeal), "{\"text\":\"协办意见\"}");
                case "POST /api/v1/departments/{code}/queue/{id}/return" -> new Request("POST",
                        base + row.path().replace("{code}", unit).replace("{id}", appeal),
                        "{\"reason\":\"NOT_OUR_REMIT\",\"text\":\"不属本单位职责\"}");
                case "POST /api/v1/departments/{code}/queue/{id}/transfer" -> new Request("POST",
                        base + row.path().replace("{code}", unit).replace("{id}", appeal),
                        "{\"to\":\"" + otherUnit + "\",\"reason\":\"双方商定转办\"}");
                case "GET /api/v1/departments/{code}/consultations" -> new Request("GET",
                        base + row.path().replace("{code}", unit), null);
                case "POST /api/v1/departments/{code}/consultations/{id}/answer" -> new Request("POST",
                        base + row.path().replace("{code}", unit).replace("{id}", inTriage),
                        "{\"ours\":false,\"text\":\"不属本单位\"}");
                case "POST /api/v1/triage/{id}/consultations" -> new Request("POST",
                        base + row.path().replace("{id}", inTriage),
                        "{\"departments\":[\"" + otherUnit + "\"],\"question\":\"是否属贵单位职责？\"}");
                case "POST /api/v1/triage/{id}/assignment" -> new Request("POST",
                        base + row.path().replace("{id}", inTriage),
                        "{\"lead\":\"" + lead + "\",\"reason\":\"按职责分派\"}");
                case "POST /api/v1/appeals/{id}/answer" -> new Request("POST",
                        base + row.path().replace("{id}", appeal), "{\"result\":\"RESOLVED\",\"text\":\"已办理\"}");
                case "GET /api/v1/deliveries" -> new Request("GET", base + row.path() + "?appealId=" + appeal, null);
                case "GET /api/v1/appeals/{id}/notifications" ->
                        new Request("GET", base + row.path().replace("{id}", appeal), null);
                case "POST /api/v1/supervision/orders" -> new Request("POST", base + row.path(),
                        "{\"appealId\":\"" + this.appeal + "\",\"comment\":\"请三日内答复\"}");
                case "GET /api/v1/supervision/orders" ->
                        new Request("GET", base + row.path() + "?department=" + lead, null);
                case "GET /api/v1/supervision/orders/{orderId}" ->
                        new Request("GET", base + row.path().replace("{orderId}", orderId), null);
                case "POST /api/v1/supervision/orders/{orderId}/close" -> new Request("POST",
                        base + row.path().replace("{orderId}", orderId), "{\"comment\":\"已答复\"}");
                case "POST /api/v1/appeals/{id}/extensions" -> new Request("POST",
                        base + row.path().replace("{id}", headsAppeal),
                        "{\"until\":\"" + extendedUntil(headsAppeal) + "\",\"reason\":\"需要现场核查\"}");
                case "POST /api/v1/appeals/{id}/extensions/{extensionId}/decision" -> new Request("POST",
                        base + row.path().replace("{id}", headsAppeal).replace("{extensionId}", extensionId),
                        "{\"approved\":true}");
                case "GET /api/v1/metrics/hotspots" -> new Request("GET", base + row.path(), null);
                case "GET /api/v1/metrics/closure" -> new Request("GET",
                        base + row.path() + "?from=2026-03-01&to=2026-03-31&groupBy=department", null);
                case "GET /api/v1/metrics/ranking" -> new Request("GET",
                        base + row.path() + "?month=2026-03&groupBy=street", null);
                case "GET /api/v1/metrics/closure/appeals" -> new Request("GET", base + row.path()
                        + "?from=2026-03-01&to=2026-03-31&groupBy=department&key=" + lead + "&figure=volume", null);
                case "POST /api/v1/ops/metrics/rebuild" -> new Request("POST", base + row.path(), null);
                case "GET /api/v1/routing/rules", "GET /api/v1/routing/rules/versions" ->
                        new Request("GET", base + row.path(), null);
                case "GET /api/v1/routing/rules/versions/{version}" ->
                        new Request("GET", base + row.path().replace("{version}", "1"), null);
                case "POST /api/v1/routing/rules" -> {
                    // The active rules republished unchanged: the row needs a version to be based on, not new rules.
                    JsonNode active = activeRules();
                    yield new Request("POST", base + row.path(), "{\"basedOn\":" + active.path("version").asInt()
                            + ",\"why\":\"授权矩阵检查\",\"rules\":" + active.path("rules") + "}");
                }
                // The publishing row ran before (rows off the lifecycle keep the table's order): 1 is not active.
                case "POST /api/v1/routing/rules/rollback" -> new Request("POST", base + row.path(),
                        "{\"version\":1,\"why\":\"授权矩阵检查\"}");
                case "POST /api/v1/routing/dry-run" -> new Request("POST", base + row.path(),
                        "{\"appeals\":[{\"category\":\"TAX\",\"street\":\"ST-ML\",\"urgency\":\"NORMAL\","
                                + "\"source\":\"HOTLINE_12345\",\"keyEnterprise\":false,\"title\":\"退税咨询\"}]}");
                case "POST /api/v1/routing/what-if" -> new Request("POST", base + row.path(),
                        "{\"rules\":" + activeRules().path("rules") + "}");
                case "GET /api/v1/ops/dead-letters" -> new Request("GET", base + row.path(), null);
                case "GET /api/v1/ops/dead-letters/{id}" ->
                        new Request("GET", base + row.path().replace("{id}", "0-0"), null);
                case "POST /api/v1/ops/dead-letters/{id}/replay" ->
                        new Request("POST", base + row.path().replace("{id}", "0-0"), null);
                case "GET /api/v1/inbox", "POST /api/v1/inbox/read-all" -> new Request(row.method(),
                        base + row.path() + (row.method().equals("GET") ? "?page=0&size=20" : ""), null);
                case "POST /api/v1/inbox/{id}/read" ->
                        new Request("POST", base + row.path().replace("{id}", "no-such-item"), null);
                case "GET /api/v1/inbox/stream" -> new Request("GET", base + row.path(), null, true);
                // The hotline an enterprise's SMS; a head its department's mail (another unit's head: the lead's,
                // refused); supervisors and operators the lead's mail.
                case "GET /api/v1/notification-preferences/{channel}/{recipient}",
                        "PUT /api/v1/notification-preferences/{channel}/{recipient}" -> new Request(row.method(),
                        base + (role.equals("hotline")
                                ? row.path().replace("{channel}", "SMS").replace("{recipient}", creditCode)
                                : row.path().replace("{channel}", "EMAIL").replace("{recipient}", lead)),
                        row.method().equals("PUT") ? "{\"enabled\":true}" : null);
                default -> throw new AssertionError("No request for " + row.endpoint()
                        + ": a new row of docs/security.md needs one here");
            };
        }
    }
}
