package gov.appeals.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.web.reactive.server.WebTestClient;

import gov.appeals.events.AppealAssigned;
import gov.appeals.events.AppealDueSoon;
import gov.appeals.events.AppealOverdue;
import gov.appeals.events.AppealRef;
import gov.appeals.events.AppealSentToTriage;
import gov.appeals.events.AppealStatus;
import gov.appeals.events.ClockKind;
import gov.appeals.events.Source;
import gov.appeals.testsupport.Credentials;
import gov.appeals.testsupport.TestIssuer;
import reactor.core.publisher.Flux;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The staff inbox as staff notice it: items appear for their units, unread until read, and live on the stream. */
class InboxIntegrationTest extends RunningServiceTest {

    private static final String DISPATCH = "/appeals/dispatch-service";
    private static final String FEEDBACK = "/appeals/feedback-service";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A unit no other test uses, so that its inbox holds this test's items only. */
    private static String unit() {
        return "IT-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    private WebTestClient as(String user) {
        return Credentials.as(anonymous, user);
    }

    private static AppealAssigned assigned(AppealRef appeal, String lead, List<String> coHandlers) {
        return new AppealAssigned(UUID.randomUUID().toString(), appeal, 2, Instant.now(), "system:dispatch-service",
                lead, coHandlers, "UTILITIES", "rule:category:UTILITIES", "供电问题由本单位主办", Events.DEADLINES);
    }

    private JsonNode inbox(String user) {
        String body = as(user).get().uri("/api/v1/inbox?page=0&size=100").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        return JSON.readTree(body);
    }

    private static List<JsonNode> itemsOf(JsonNode inbox, String appealId) {
        List<JsonNode> items = new ArrayList<>();
        inbox.path("items").forEach(item -> {
            if (appealId.equals(item.path("appealId").asString())) {
                items.add(item);
            }
        });
        return items;
    }

    private List<JsonNode> awaitItems(String user, String appealId, int count) {
        await().atMost(PATIENCE).until(() -> itemsOf(inbox(user), appealId).size() >= count);
        return itemsOf(inbox(user), appealId);
    }

    @Test
    void theLeadsClerkSeesANewAssignmentUnreadAndReadingItDropsTheUnreadCount() {
        String lead = unit();
        String coHandler = unit();
        AppealRef appeal = Events.appeal(Source.HOTLINE_12345);
        kafka.publish(Events.accepted(appeal), INTAKE);
        kafka.publish(assigned(appeal, lead, List.of(coHandler)), DISPATCH);

        JsonNode item = awaitItems("clerk-" + lead, appeal.appealId(), 1).get(0);
        assertThat(item.path("kind").asString()).isEqualTo("ASSIGNED");
        assertThat(item.path("number").asString()).isEqualTo(appeal.number());
        assertThat(item.path("text").asString()).startsWith("新分派：" + appeal.number() + "「厂区停电影响生产」");
        assertThat(item.path("read").asBoolean()).isFalse();
        JsonNode before = inbox("clerk-" + lead);
        assertThat(before.path("unread").asLong()).isEqualTo(1);
        assertThat(before.path("total").asLong()).isEqualTo(1);
        assertThat(before.path("size").asInt()).isEqualTo(100);

        as("clerk-" + lead).post().uri("/api/v1/inbox/{id}/read", item.path("id").asString()).exchange()
                .expectStatus().isNoContent();

        JsonNode after = inbox("clerk-" + lead);
        assertThat(after.path("unread").asLong()).isZero();
        assertThat(itemsOf(after, appeal.appealId()).get(0).path("read").asBoolean()).isTrue();
        // Read is the reader's own: the head of the same unit has not read it.
        assertThat(inbox("head-" + lead).path("unread").asLong()).isEqualTo(1);
        // The co-handler is told it helps.
        assertThat(awaitItems("clerk-" + coHandler, appeal.appealId(), 1).get(0).path("kind").asString())
                .isEqualTo("CO_HANDLING");
    }

    @Test
    void anotherDepartmentsClerkNeitherSeesTheItemNorMayMarkItRead() {
        String lead = unit();
        AppealRef appeal = Events.appeal(Source.HOTLINE_12345);
        kafka.publish(assigned(appeal, lead, List.of()), DISPATCH);
        String id = awaitItems("clerk-" + lead, appeal.appealId(), 1).get(0).path("id").asString();
        String stranger = "clerk-" + unit();

        assertThat(itemsOf(inbox(stranger), appeal.appealId())).isEmpty();
        as(stranger).post().uri("/api/v1/inbox/{id}/read", id).exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(inbox("clerk-" + lead).path("unread").asLong()).isEqualTo(1);
    }

    @Test
    void aRedeliveredEventAddsNothingAndTheLedgerListsTheInboxDelivery() {
        String lead = unit();
        AppealRef appeal = Events.appeal(Source.HOTLINE_12345);
        AppealAssigned assigned = assigned(appeal, lead, List.of());
        kafka.publish(assigned, DISPATCH);
        kafka.publish(assigned, DISPATCH);
        // Behind both on the appeal's partition: once its item is there, both copies were handled.
        kafka.publish(new AppealDueSoon(UUID.randomUUID().toString(), appeal, 2, Instant.now(), "system:feedback",
                lead, AppealStatus.ASSIGNED, ClockKind.SIGN_FOR, Instant.now().plusSeconds(3600)), FEEDBACK);

        List<JsonNode> items = awaitItems("clerk-" + lead, appeal.appealId(), 2);
        assertThat(items).extracting(item -> item.path("kind").asString())
                .containsExactlyInAnyOrder("ASSIGNED", "DUE_SOON");
        assertThat(inbox("clerk-" + lead).path("total").asLong()).isEqualTo(2);

        String notices = web.get().uri("/api/v1/appeals/{id}/notifications", appeal.appealId()).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        List<JsonNode> inboxNotices = new ArrayList<>();
        JSON.readTree(notices).forEach(n -> {
            if ("INBOX".equals(n.path("channel").asString())) {
                inboxNotices.add(n);
            }
        });
        assertThat(inboxNotices).extracting(n -> n.path("recipient").asString() + " " + n.path("topic").asString()
                + " " + n.path("state").asString()).containsExactlyInAnyOrder(lead + " ASSIGNED SENT",
                lead + " DUE_SOON SENT");
    }

    @Test
    void readAllMarksEveryItemOfTheUsersUnitsRead() {
        String lead = unit();
        AppealRef first = Events.appeal(Source.ONLINE_PORTAL);
        AppealRef second = Events.appeal(Source.ONLINE_PORTAL);
        kafka.publish(assigned(first, lead, List.of()), DISPATCH);
        kafka.publish(assigned(second, lead, List.of()), DISPATCH);
        awaitItems("clerk-" + lead, first.appealId(), 1);
        awaitItems("clerk-" + lead, second.appealId(), 1);
        assertThat(inbox("clerk-" + lead).path("unread").asLong()).isEqualTo(2);

        as("clerk-" + lead).post().uri("/api/v1/inbox/read-all").exchange().expectStatus().isNoContent();

        assertThat(inbox("clerk-" + lead).path("unread").asLong()).isZero();
    }

    @Test
    void supervisorsSeeOverdueAppealsAndTheTriagerWhatWaitsInTriage() {
        String lead = unit();
        AppealRef late = Events.appeal(Source.HOTLINE_12345);
        AppealRef unrouted = Events.appeal(Source.HOTLINE_12345);
        kafka.publish(new AppealOverdue(UUID.randomUUID().toString(), late, 2, Instant.now(), "system:feedback",
                lead, AppealStatus.ASSIGNED, ClockKind.ANSWER, Instant.now()), FEEDBACK);
        kafka.publish(new AppealSentToTriage(UUID.randomUUID().toString(), unrouted, 2, Instant.now(),
                "system:dispatch-service", TestIssuer.TRIAGE_UNIT, "无规则覆盖", Events.DEADLINES, false), DISPATCH);

        assertThat(awaitItems("supervisor", late.appealId(), 1).get(0).path("text").asString())
                .startsWith("超期：").contains(lead);
        assertThat(awaitItems("clerk-" + lead, late.appealId(), 1).get(0).path("kind").asString())
                .isEqualTo("OVERDUE");
        assertThat(awaitItems("triager", unrouted.appealId(), 1).get(0).path("kind").asString())
                .isEqualTo("TRIAGE");
        assertThat(itemsOf(inbox("supervisor"), unrouted.appealId())).isEmpty();
    }

    @Test
    void theStreamDeliversANewItemOfTheUsersUnitAsItIsStored() {
        String lead = unit();
        AppealRef appeal = Events.appeal(Source.HOTLINE_12345);
        Flux<ServerSentEvent<String>> stream = as("clerk-" + lead).get().uri("/api/v1/inbox/stream")
                .accept(MediaType.TEXT_EVENT_STREAM).exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_EVENT_STREAM)
                .returnResult(new ParameterizedTypeReference<ServerSentEvent<String>>() {
                }).getResponseBody();

        ServerSentEvent<String> item = stream
                .doOnNext(event -> {
                    // Subscribed once the opening comment is here: publish now, off the client's thread.
                    if ("open".equals(event.comment())) {
                        CompletableFuture.runAsync(() -> {
                            kafka.publish(assigned(Events.appeal(Source.ONLINE_PORTAL), unit(), List.of()), DISPATCH);
                            kafka.publish(assigned(appeal, lead, List.of()), DISPATCH);
                        });
                    }
                })
                .filter(event -> "item".equals(event.event()))
                .blockFirst(PATIENCE);

        assertThat(item).isNotNull();
        JsonNode data = JSON.readTree(item.data());
        assertThat(data.path("appealId").asString()).isEqualTo(appeal.appealId());
        assertThat(data.path("kind").asString()).isEqualTo("ASSIGNED");
        assertThat(data.path("read").asBoolean()).isFalse();
        assertThat(item.id()).isEqualTo(data.path("id").asString());
    }

    @Test
    void aPageSizeOutOfRangeOrNotANumberIsAProblem() {
        for (String query : List.of("size=101", "size=0", "size=abc", "page=-1")) {
            as("clerk-" + unit()).get().uri("/api/v1/inbox?" + query).exchange()
                    .expectStatus().isBadRequest()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        }
    }

    @Test
    void theHotlineAndTheOperatorHaveNoInboxAndNobodyWithoutCredentials() {
        anonymous.get().uri("/api/v1/inbox").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        as("operator").get().uri("/api/v1/inbox").exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        as("operator").get().uri("/api/v1/inbox/stream").accept(MediaType.TEXT_EVENT_STREAM).exchange()
                .expectStatus().isForbidden();
        // The tests configure the sources' keys here, so the hotline is known, and refused (deployed: 401, unknown).
        Credentials.signedBy(anonymous, "HOTLINE_12345").get().uri("/api/v1/inbox").exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }
}
