package gov.appeals.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.bson.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import gov.appeals.events.AnswerResult;
import gov.appeals.events.AppealAccepted;
import gov.appeals.events.AppealAssigned;
import gov.appeals.events.AppealClosed;
import gov.appeals.events.AppealClosed.ClosureReason;
import gov.appeals.events.AppealEvent;
import gov.appeals.events.AppealOverdue;
import gov.appeals.events.AppealRated;
import gov.appeals.events.AppealRef;
import gov.appeals.events.AppealResponded;
import gov.appeals.events.AppealReturned;
import gov.appeals.events.AppealSentToTriage;
import gov.appeals.events.AppealSigned;
import gov.appeals.events.AppealStatus;
import gov.appeals.events.ClockKind;
import gov.appeals.events.ExtensionDecided;
import gov.appeals.events.Rating;
import gov.appeals.events.ReturnReason;
import gov.appeals.events.Source;
import gov.appeals.feedback.metrics.ClosureRow;
import gov.appeals.feedback.metrics.web.ClosureReport;
import gov.appeals.reference.calendar.WorkingCalendar;
import gov.appeals.testsupport.Credentials;

/**
 * The closure metrics of a hand-computed month: thirteen appeals accepted in March (one at 00:30 on 1 March in
 * Shanghai, still February in UTC) and one on 28 February, in three departments, the triage unit and two streets.
 * Ratings close or reopen through the service's own case consumer, as in production. The figures must be exact
 * after the first delivery, after every event was delivered a second time, and after a rebuild.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClosureMetricsIntegrationTest extends FeedbackServiceTestBase {

    /** A year nothing else in the store uses, so that the month holds the fixture only. */
    private static final int YEAR = 2040 + ThreadLocalRandom.current().nextInt(50);
    private static final String MONTH = YEAR + "-03";
    private static final String SWJ = "JD-SWJ";
    private static final String SCJG = "JD-SCJG";
    private static final String CZ = "JD-CZ";
    private static final String TRIAGE = "JD-JW";
    private static final String XH = "ST-XH";
    private static final String NX = "ST-NX";

    private static final Map<String, AppealRef> APPEALS = new LinkedHashMap<>();
    private static final List<AppealEvent> EVENTS = new ArrayList<>();

    @Autowired
    ReactiveMongoTemplate mongo;

    @BeforeAll
    static void fixture() {
        for (int n = 1; n <= 14; n++) {
            String id = "metrics-" + UUID.randomUUID();
            APPEALS.put("A" + n, new AppealRef(id, "QS-" + YEAR + "0310-" + String.format("%06d", n),
                    Source.HOTLINE_12345, "W-" + id));
        }
        // A1 SWJ/XH/TAX: signed and answered on time after 5 h, satisfied and resolved.
        life("A1", 10, XH, "TAX", SWJ).signed(true).answered(5, true).rated(Rating.SATISFIED, true);
        // A2 SWJ/XH/TAX: signed late, answered late after 20 h, basically satisfied, not resolved.
        life("A2", 10, XH, "TAX", SWJ).signed(false).answered(20, false).rated(Rating.BASICALLY_SATISFIED, false);
        // A3 SWJ/NX/POLICY: on time, 3 h, dissatisfied: reopened, open again.
        life("A3", 11, NX, "POLICY", SWJ).signed(true).answered(3, true).rated(Rating.DISSATISFIED, false);
        // A4 SWJ/NX/POLICY: on time, 10 h, no rating in time.
        life("A4", 11, NX, "POLICY", SWJ).signed(true).answered(10, true).closedUnrated();
        // A5 XH/FINANCING: assigned to SWJ, which returned it; re-routed an hour later to SCJG; answered late 30 h
        // after the first assignment; satisfied, resolved.
        life("A5", 12, XH, "FINANCING", SWJ).returned().assigned(SCJG, 2).signed(true).answered(30, false)
                .rated(Rating.SATISFIED, true);
        // A6 SCJG/XH/FINANCING: never signed, the sign-for clock overdue.
        life("A6", 12, XH, "FINANCING", SCJG).overdue(ClockKind.SIGN_FOR);
        // A7 SCJG/NX/POLICY: signed on time, the answer clock overdue, then an extension approved: not overdue.
        life("A7", 13, NX, "POLICY", SCJG).signed(true).overdue(ClockKind.ANSWER).extension(true);
        // A8 SCJG/NX: accepted as POLICY, assigned as TAX; signed late, answered on time after 8 h, satisfied
        // without saying whether resolved.
        life("A8", 13, NX, "POLICY", SCJG).category("TAX").signed(false).answered(8, true)
                .rated(Rating.SATISFIED, null);
        // A9 XH, no category: waiting in triage (JD-JW).
        life("A9", 14, XH, null, null).triage();
        // A10 CZ/NX/FINANCING: on time, 2 h, basically satisfied, resolved.
        life("A10", 14, NX, "FINANCING", CZ).signed(true).answered(2, true)
                .rated(Rating.BASICALLY_SATISFIED, true);
        // A11 CZ/XH/FINANCING: signed on time, the answer clock overdue (a refused extension changes nothing).
        life("A11", 15, XH, "FINANCING", CZ).signed(true).overdue(ClockKind.ANSWER).extension(false);
        // A12 CZ/NX/TAX: assigned and nothing else.
        life("A12", 15, NX, "TAX", CZ);
        // A13 CZ/XH/TAX: accepted 23:30 on 28 February in Shanghai: not March.
        life("A13", 0, XH, "TAX", CZ).signed(true);
        // A14 CZ/XH/TAX: accepted 00:30 on 1 March in Shanghai; on time after 1 h, dissatisfied (reopened), signed
        // and answered again, then satisfied and resolved.
        life("A14", 1, XH, "TAX", CZ).signed(true).answered(1, true).rated(Rating.DISSATISFIED, false)
                .signedAgain().answeredAgain(40).rated(Rating.SATISFIED, true);
    }

    /*
     * By hand, March, grouped by department (answer hours sorted):
     *   SWJ  A1-A4: volume 4, assigned 4, signedOnTime 3 (A2 late), rated 3 (A1 A2 A3), resolved 1 (A1),
     *        satisfied 2 (A1 A2), answered 4, answeredOnTime 3 (A2 late), returns 1 (A5, which SWJ returned),
     *        reopens 1 (A3), unrated 1 (A4),
     *        backlog 1 (A3), overdueNow 0; hours 3 5 10 20: median (rank 2) 5, p90 (rank 4) 20.
     *   SCJG A5-A8: volume 4, assigned 4, signedOnTime 2 (A5 A7), rated 2 (A5 A8), resolved 1 (A5), satisfied 2,
     *        answered 2 (A5 A8), answeredOnTime 1 (A8), returns 0, reopens 0, unrated 0, backlog 2 (A6 A7),
     *        overdueNow 1 (A6); hours 8 30: median (rank 1) 8, p90 (rank 2) 30.
     *   CZ   A10 A11 A12 A14: volume 4, assigned 4, signedOnTime 3 (not A12), rated 2 (A10 A14), resolved 2,
     *        satisfied 2, answered 2 (A10 A14), answeredOnTime 2, returns 0, reopens 1 (A14), unrated 0, backlog 2
     *        (A11 A12), overdueNow 1 (A11); hours 1 2: median 1, p90 2.
     *   JD-JW A9: volume 1, backlog 1, every other count 0, every rate and hour null.
     *   Total: volume 13, assigned 12, signedOnTime 8, rated 7, resolved 4, satisfied 6, answered 8,
     *        answeredOnTime 6, returns 1, reopens 2, unrated 1, backlog 6, overdueNow 2; hours 1 2 3 5 8 10 20 30:
     *        median (rank 4) 5, p90 (rank 8) 30.
     */
    private static final ClosureRow SWJ_ROW = new ClosureRow(SWJ, "区税务局", 4, 4, 3, 3 / 4.0, 3, 1, 1 / 3.0, 2,
            2 / 3.0, 4, 3, 3 / 4.0, 1, 1 / 4.0, 1, 1 / 4.0, 1, 1, 0, 5, 20);
    private static final ClosureRow SCJG_ROW = new ClosureRow(SCJG, "区市场监管局", 4, 4, 2, 2 / 4.0, 2, 1, 1 / 2.0, 2,
            1.0, 2, 1, 1 / 2.0, 0, 0.0, 0, 0.0, 0, 2, 1, 8, 30);
    private static final ClosureRow CZ_ROW = new ClosureRow(CZ, "区财政局", 4, 4, 3, 3 / 4.0, 2, 2, 1.0, 2, 1.0, 2, 2,
            1.0, 0, 0.0, 1, 1 / 2.0, 0, 2, 1, 1, 2);
    private static final ClosureRow TRIAGE_ROW = new ClosureRow(TRIAGE, "区经委", 1, 0, 0, null, 0, 0, null, 0, null,
            0, 0, null, 0, null, 0, null, 0, 1, 0, null, null);
    private static final ClosureRow TOTAL = new ClosureRow("TOTAL", "合计", 13, 12, 8, 8 / 12.0, 7, 4, 4 / 7.0, 6,
            6 / 7.0, 8, 6, 6 / 8.0, 1, 1 / 12.0, 2, 2 / 8.0, 1, 6, 2, 5, 30);
    private static final ClosureReport BY_DEPARTMENT = new ClosureReport(MONTH + "-01", MONTH + "-31", "department",
            List.of(CZ_ROW, TRIAGE_ROW, SCJG_ROW, SWJ_ROW), TOTAL);

    @Test
    @Order(1)
    void closureOfAMonthMatchesTheHandComputedFiguresAfterTheFirstDelivery() {
        EVENTS.forEach(event -> KAFKA.publish(event, PRODUCER));

        awaitReport(BY_DEPARTMENT);
        // Days 1 to 20 hold the same appeals, read from the day rows instead of the month's.
        assertThat(closure(MONTH + "-01", MONTH + "-20", "department")).isEqualTo(
                new ClosureReport(MONTH + "-01", MONTH + "-20", "department", BY_DEPARTMENT.rows(), TOTAL));
        ClosureReport byStreet = closure(MONTH + "-01", MONTH + "-31", "street");
        assertThat(byStreet.rows()).extracting(ClosureRow::key, ClosureRow::name, ClosureRow::volume)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(NX, "南翔镇", 6L),
                        org.assertj.core.groups.Tuple.tuple(XH, "徐行镇", 7L));
        assertThat(byStreet.total()).isEqualTo(TOTAL);
        ClosureReport byCategory = closure(MONTH + "-01", MONTH + "-31", "category");
        assertThat(byCategory.rows()).extracting(ClosureRow::key, ClosureRow::volume).containsExactly(
                org.assertj.core.groups.Tuple.tuple("FINANCING", 4L), org.assertj.core.groups.Tuple.tuple("POLICY", 3L),
                org.assertj.core.groups.Tuple.tuple("TAX", 5L), org.assertj.core.groups.Tuple.tuple("UNCLASSIFIED", 1L));
        // 28 February in Shanghai holds A13 alone.
        assertThat(closure(YEAR + "-02-28", YEAR + "-02-28", "department").total().volume()).isEqualTo(1);
    }

    @Test
    @Order(2)
    void everyEventDeliveredASecondTimeChangesNoFigure() {
        EVENTS.forEach(event -> KAFKA.publish(event, PRODUCER));
        // A last event per appeal that changes no figure: once every fact has it, every redelivery before it on the
        // appeal's partition was handled.
        List<String> markers = new ArrayList<>();
        APPEALS.values().forEach(appeal -> {
            String marker = eventId();
            markers.add(marker);
            KAFKA.publish(new ExtensionDecided(marker, appeal, 1, at(10, 0), "supervisor", null,
                    AppealStatus.ACCEPTED, "x-marker", false, "marker", null), PRODUCER);
        });
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() -> mongo
                .getCollection("metrics_facts")
                .flatMapMany(facts -> facts.find(new Document("appliedEventIds", new Document("$in", markers))))
                .count().block(Duration.ofSeconds(10)) == markers.size());

        assertThat(closure(MONTH + "-01", MONTH + "-31", "department")).isEqualTo(BY_DEPARTMENT);
    }

    @Test
    @Order(3)
    void aRebuildFromTheFactsAgreesExactly() {
        http.post().uri("/api/v1/ops/metrics/rebuild").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.generation").isNumber().jsonPath("$.facts").isNumber()
                .jsonPath("$.durationMillis").isNumber();

        assertThat(closure(MONTH + "-01", MONTH + "-31", "department")).isEqualTo(BY_DEPARTMENT);
        assertThat(closure(MONTH + "-01", MONTH + "-20", "department").rows()).isEqualTo(BY_DEPARTMENT.rows());
    }

    @Test
    @Order(4)
    void theMonthlyRankingPutsTheMostSatisfiedFirstAndBreaksTiesByOnTimeAnswers() {
        // CZ and SCJG are both fully satisfied; CZ answered all on time, SCJG half. JD-JW has no rate at all.
        http.get().uri("/api/v1/metrics/ranking?month={m}&groupBy=department", MONTH).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.month").isEqualTo(MONTH)
                .jsonPath("$.rows[*].key").isEqualTo(List.of(CZ, SCJG, SWJ, TRIAGE))
                .jsonPath("$.rows[*].rank").isEqualTo(List.of(1, 2, 3, 4))
                .jsonPath("$.rows[0].name").isEqualTo("区财政局")
                .jsonPath("$.rows[0].satisfactionRate").isEqualTo(1.0)
                .jsonPath("$.rows[3].satisfactionRate").isEmpty();
    }

    @Test
    @Order(5)
    void everyFigureDrillsDownToTheAppealsBehindIt() {
        http.get().uri("/api/v1/metrics/closure/appeals?from={f}&to={t}&groupBy=department&key={k}&figure=overdueNow",
                        MONTH + "-01", MONTH + "-31", SCJG).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.total").isEqualTo(1)
                .jsonPath("$.items[0].appealId").isEqualTo(APPEALS.get("A6").appealId())
                .jsonPath("$.items[0].department").isEqualTo(SCJG)
                .jsonPath("$.items[0].street").isEqualTo(XH)
                .jsonPath("$.items[0].acceptedDay").isEqualTo(MONTH + "-12");
        http.get().uri("/api/v1/metrics/closure/appeals?from={f}&to={t}&groupBy=department&key={k}&figure=answered"
                        + "&size=2&page=1", MONTH + "-01", MONTH + "-31", SWJ).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.total").isEqualTo(4)
                .jsonPath("$.page").isEqualTo(1)
                // A1 and A2 were accepted on the 10th, A3 and A4 on the 11th.
                .jsonPath("$.items[*].number").value(numbers -> assertThat(numbers).asList()
                        .containsExactlyInAnyOrder(APPEALS.get("A3").number(), APPEALS.get("A4").number()));
        // A return is the returning department's, though the appeal is led elsewhere now.
        http.get().uri("/api/v1/metrics/closure/appeals?from={f}&to={t}&groupBy=department&key={k}&figure=returns",
                        MONTH + "-01", MONTH + "-31", SWJ).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.total").isEqualTo(1)
                .jsonPath("$.items[0].appealId").isEqualTo(APPEALS.get("A5").appealId())
                .jsonPath("$.items[0].department").isEqualTo(SCJG);
    }

    @Test
    @Order(6)
    void everyReportIsAlsoCsv() {
        String csv = http.get().uri("/api/v1/metrics/closure?from={f}&to={t}&groupBy=department",
                        MONTH + "-01", MONTH + "-31").accept(MediaType.parseMediaType("text/csv")).exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.parseMediaType("text/csv"))
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(csv.split("\r\n")).containsExactly(
                String.join(",", ClosureRow.COLUMNS),
                "JD-CZ,区财政局,4,4,3,0.75,2,2,1.0,2,1.0,2,2,1.0,0,0.0,1,0.5,0,2,1,1,2",
                "JD-JW,区经委,1,0,0,,0,0,,0,,0,0,,0,,0,,0,1,0,,",
                "JD-SCJG,区市场监管局,4,4,2,0.5,2,1,0.5,2,1.0,2,1,0.5,0,0.0,0,0.0,0,2,1,8,30",
                "JD-SWJ,区税务局,4,4,3,0.75,3,1," + 1 / 3.0 + ",2," + 2 / 3.0 + ",4,3,0.75,1,0.25,1,0.25,1,1,0,5,20",
                                "TOTAL,合计,13,12,8," + 8 / 12.0 + ",7,4," + 4 / 7.0 + ",6," + 6 / 7.0 + ",8,6,0.75,1," + 1 / 12.0
                        + ",2,0.25,1,6,2,5,30");

        http.get().uri("/api/v1/metrics/ranking?month={m}&groupBy=street", MONTH)
                .accept(MediaType.parseMediaType("text/csv")).exchange()
                .expectStatus().isOk()
                .expectBody(String.class).value(text -> assertThat(text).startsWith("rank,key,name,volume,"));
        http.get().uri("/api/v1/metrics/closure/appeals?from={f}&to={t}&groupBy=street&key={k}&figure=unrated",
                        MONTH + "-01", MONTH + "-31", NX).accept(MediaType.parseMediaType("text/csv")).exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("X-Total-Count", "1")
                .expectBody(String.class).value(text -> assertThat(text.split("\r\n")).containsExactly(
                        "appealId,number,department,street,category,acceptedDay,figures",
                        APPEALS.get("A4").appealId() + "," + APPEALS.get("A4").number() + ",JD-SWJ,ST-NX,POLICY,"
                                + MONTH + "-11,volume assigned signedOnTime answered answeredOnTime unrated"));
    }

    @Test
    @Order(7)
    void malformedParametersAreRefusedNamingTheParameter() {
        refused("/api/v1/metrics/closure?from=2026-3-01&to=2026-03-31&groupBy=department", "from");
        refused("/api/v1/metrics/closure?from=2026-03-31&to=2026-03-01&groupBy=department", "to");
        refused("/api/v1/metrics/closure?from=2025-01-01&to=2026-01-02&groupBy=department", "to");
        refused("/api/v1/metrics/closure?from=2026-03-01&to=2026-03-31&groupBy=enterprise", "groupBy");
        refused("/api/v1/metrics/closure?to=2026-03-31&groupBy=department", "from");
        refused("/api/v1/metrics/ranking?month=2026-13&groupBy=department", "month");
        refused("/api/v1/metrics/ranking?month=2026-03&groupBy=category", "groupBy");
        refused("/api/v1/metrics/closure/appeals?from=2026-03-01&to=2026-03-31&groupBy=department&key=JD-SWJ"
                + "&figure=responseRate", "figure");
        refused("/api/v1/metrics/closure/appeals?from=2026-03-01&to=2026-03-31&groupBy=department&figure=volume",
                "key");
        refused("/api/v1/metrics/closure/appeals?from=2026-03-01&to=2026-03-31&groupBy=department&key=JD-SWJ"
                + "&figure=volume&size=1000", "size");
    }

    @Test
    @Order(8)
    void onlySupervisorsReadTheMetricsAndOnlyOperatorsRebuildThem() {
        WebTestClient clerk = Credentials.as(anonymous, "clerk-" + SWJ);
        clerk.get().uri("/api/v1/metrics/closure?from=2026-03-01&to=2026-03-31&groupBy=department").exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        clerk.get().uri("/api/v1/metrics/closure/appeals?from=2026-03-01&to=2026-03-31&groupBy=department"
                + "&key=JD-SWJ&figure=volume").exchange().expectStatus().isForbidden();
        Credentials.as(anonymous, "supervisor").post().uri("/api/v1/ops/metrics/rebuild").exchange()
                .expectStatus().isForbidden();
        anonymous.get().uri("/api/v1/metrics/ranking?month=2026-03&groupBy=street").exchange()
                .expectStatus().isUnauthorized();
    }

    @Test
    @Order(9)
    void theApiDocumentStatesTheDefinitionsOfEveryMetricsEndpoint() {
        http.get().uri("/v3/api-docs").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.paths['/api/v1/metrics/closure'].get.description").value(description -> assertThat(
                        (String) description).contains("responseRate (响应率) = signedOnTime ÷ assigned",
                        "satisfactionRate (满意率) = satisfied ÷ rated", "onTimeRate (按时办结率) = answeredOnTime ÷ answered"))
                .jsonPath("$.paths['/api/v1/metrics/ranking'].get").exists()
                .jsonPath("$.paths['/api/v1/metrics/closure/appeals'].get").exists()
                .jsonPath("$.paths['/api/v1/ops/metrics/rebuild'].post").exists();
    }

    private void refused(String uri, String field) {
        http.get().uri(uri).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo(field);
    }

    private void awaitReport(ClosureReport expected) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> closure(expected.from(), expected.to(), expected.groupBy()), expected::equals);
    }

    private ClosureReport closure(String from, String to, String groupBy) {
        byte[] body = http.get().uri("/api/v1/metrics/closure?from={f}&to={t}&groupBy={g}", from, to, groupBy)
                .exchange().expectStatus().isOk().expectBody().returnResult().getResponseBody();
        return json.readValue(body, ClosureReport.class);
    }

    /** 10:00 on the given day of March in Shanghai; day 0 is 23:30 on 28 February, day 1 starts at 00:30. */
    private static Instant at(int day, int plusHours) {
        LocalDate date = day == 0 ? LocalDate.of(YEAR, 2, 28) : LocalDate.of(YEAR, 3, day);
        LocalTime time = day == 0 ? LocalTime.of(23, 30) : day == 1 ? LocalTime.of(0, 30) : LocalTime.of(10, 0);
        return date.atTime(time).atZone(WorkingCalendar.ZONE).toInstant().plus(Duration.ofHours(plusHours));
    }

    private static Life life(String name, int day, String street, String category, String department) {
        return new Life(APPEALS.get(name), day, street, category, department);
    }

    /** One appeal's events, each stage one version after the last, in the order they happened. */
    private static final class Life {
        private final AppealRef appeal;
        private final int day;
        private String department;
        private int version = 1;

        private Life(AppealRef appeal, int day, String street, String category, String department) {
            this.appeal = appeal;
            this.day = day;
            this.department = department;
            EVENTS.add(new AppealAccepted(eventId(), appeal, 1, at(day, 0), "hotline", null, street, "title",
                    "content", category, null, null, null));
            if (department != null) {
                assign(department, 1, category);
            }
        }

        Life assigned(String to, int hours) {
            return assign(to, hours, null);
        }

        Life category(String category) {
            EVENTS.remove(EVENTS.size() - 1);
            version--;
            return assign(department, 1, category);
        }

        private Life assign(String to, int hours, String category) {
            department = to;
            // No deadlines: no clock of this service's fires for the fixture; its overdue alarms are published.
            EVENTS.add(new AppealAssigned(eventId(), appeal, ++version, at(day, hours), "system:dispatch-service", to,
                    List.of(), category, "rule:test", "test", null));
            return this;
        }

        Life returned() {
            EVENTS.add(new AppealReturned(eventId(), appeal, ++version, at(day, 1), "staff:li", department,
                    ReturnReason.NOT_OUR_REMIT, "not ours", 1));
            return this;
        }

        Life triage() {
            EVENTS.add(new AppealSentToTriage(eventId(), appeal, ++version, at(day, 1), "system:dispatch-service",
                    TRIAGE, "no rule", null, false));
            return this;
        }

        Life signed(boolean onTime) {
            EVENTS.add(new AppealSigned(eventId(), appeal, ++version, at(day, 2), "staff:li", department, onTime));
            return this;
        }

        Life signedAgain() {
            // The case's reopening (published by this service) took the version after the rating.
            version++;
            return signed(true);
        }

        /** @param hours after the (first) assignment, at 10:00 + 1 h */
        Life answered(int hours, boolean onTime) {
            EVENTS.add(new AppealResponded(eventId(), appeal, ++version, at(day, 1 + hours), "staff:li", department,
                    AnswerResult.RESOLVED, "answer", onTime));
            return this;
        }

        Life answeredAgain(int hours) {
            return answered(hours, false);
        }

        /** The case consumer closes or reopens on it, as in production. */
        Life rated(Rating rating, Boolean resolved) {
            EVENTS.add(new AppealRated(eventId(), appeal, ++version, at(day, 60), "hotline", rating, resolved, null));
            return this;
        }

        Life closedUnrated() {
            EVENTS.add(new AppealClosed(eventId(), appeal, ++version, at(day, 100), "system:feedback-service",
                    department, ClosureReason.NO_RATING_IN_TIME));
            return this;
        }

        Life overdue(ClockKind clock) {
            EVENTS.add(new AppealOverdue(eventId(), appeal, version, at(day, 30), "system:feedback-service",
                    department, AppealStatus.ASSIGNED, clock, at(day, 29)));
            return this;
        }

        Life extension(boolean approved) {
            EVENTS.add(new ExtensionDecided(eventId(), appeal, version, at(day, 31), "supervisor", department,
                    AppealStatus.SIGNED, "x-" + version, approved, "decided", null));
            return this;
        }
    }
}
