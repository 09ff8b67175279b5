package gov.appeals.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

import gov.appeals.events.AnswerResult;
import gov.appeals.events.AppealClosed;
import gov.appeals.events.AppealClosed.ClosureReason;
import gov.appeals.events.AppealRated;
import gov.appeals.events.AppealRef;
import gov.appeals.events.AppealReopened;
import gov.appeals.events.AppealResponded;
import gov.appeals.events.AppealSigned;
import gov.appeals.events.AppealStatus;
import gov.appeals.events.CloudEventHeaders;
import gov.appeals.events.CoHandlerInputPosted;
import gov.appeals.events.Rating;
import gov.appeals.events.Topics;
import gov.appeals.feedback.casefile.AnswerCommand;
import gov.appeals.feedback.casefile.Answered;
import gov.appeals.feedback.casefile.CaseFile;
import gov.appeals.feedback.casefile.store.CaseEvents;
import gov.appeals.feedback.casefile.store.CaseStore;
import gov.appeals.feedback.casefile.store.StoredCase;
import gov.appeals.feedback.casefile.web.AnswerReceipt;
import gov.appeals.feedback.casefile.web.CaseView;
import gov.appeals.kit.messaging.DeadLetters;
import gov.appeals.reference.calendar.DeadlinePolicy;
import gov.appeals.reference.calendar.WorkingCalendar;
import gov.appeals.testsupport.KafkaTestClient.Received;

class CaseLifecycleIntegrationTest extends FeedbackServiceTestBase {

    private static final Duration STORE_WAIT = Duration.ofSeconds(10);

    @Autowired
    CaseStore store;

    @Test
    void answerOfASignedAppealIsPublishedOnTheEventsTopicWithCloudEventHeadersAndKey() {
        AppealRef appeal = newAppeal();
        publishAssigned(appeal);
        publishSigned(appeal);
        CaseView signed = awaitCase(appeal.appealId(), AppealStatus.SIGNED);
        assertThat(signed.lead()).isEqualTo(LEAD);
        assertThat(signed.coHandlers()).containsExactly("SHJD-STAT");

        Map<String, String> body = Map.of("result", "RESOLVED", "text", "The loan was approved");
        AnswerReceipt receipt = answer(appeal.appealId(), body);

        assertThat(receipt.id()).isEqualTo(appeal.appealId());
        assertThat(receipt.status()).isEqualTo(AppealStatus.RESPONDED);
        assertThat(receipt.result()).isEqualTo(AnswerResult.RESOLVED);
        assertThat(receipt.withinDeadline()).isTrue();
        assertThat(receipt.answeredAt()).isNotNull();

        Received received = KAFKA.awaitFirst(Duration.ofSeconds(30),
                r -> r.event() instanceof AppealResponded && appeal.appealId().equals(r.key()), Topics.EVENTS)
                .orElseThrow(() -> new AssertionError("no AppealResponded published"));
        AppealResponded responded = (AppealResponded) received.event();
        assertThat(responded.version()).isEqualTo(4);
        assertThat(responded.department()).isEqualTo(LEAD);
        assertThat(responded.actor()).isEqualTo("staff:clerk-" + LEAD);
        assertThat(responded.result()).isEqualTo(AnswerResult.RESOLVED);
        assertThat(responded.text()).isEqualTo("The loan was approved");
        assertThat(responded.withinDeadline()).isTrue();
        assertThat(received.header(CloudEventHeaders.ID)).isEqualTo(responded.eventId());
        assertThat(received.header(CloudEventHeaders.TYPE)).isEqualTo(AppealResponded.TYPE);
        assertThat(received.header(CloudEventHeaders.SOURCE)).isEqualTo("/appeals/feedback-service");
        assertThat(received.header(CloudEventHeaders.SUBJECT)).isEqualTo(appeal.appealId());
        assertThat(received.header(CloudEventHeaders.SPEC_VERSION)).isEqualTo("1.0");
        assertThat(Instant.parse(received.header(CloudEventHeaders.TIME))).isEqualTo(receipt.answeredAt());

        AnswerReceipt retried = answer(appeal.appealId(), body);
        assertThat(retried).isEqualTo(receipt);
        List<Received> answers = KAFKA.readAll(Duration.ofSeconds(3),
                r -> r.event() instanceof AppealResponded && appeal.appealId().equals(r.key()), Topics.EVENTS);
        assertThat(answers).extracting(r -> r.event().eventId()).containsExactly(responded.eventId());

        // Our own AppealResponded came back on the topic: it is already in the case and changes nothing.
        CaseView answered = awaitCase(appeal.appealId(), AppealStatus.RESPONDED);
        assertThat(answered.answer().text()).isEqualTo("The loan was approved");
        assertThat(answered.answer().actor()).isEqualTo("staff:clerk-" + LEAD);
        assertThat(answered.version()).isEqualTo(4);
    }

    @Test
    void anAnswerNamesTheCoHandlersInputsItDrewOnAndOneNobodyPostedIsRefused() {
        AppealRef appeal = newAppeal();
        publishAssigned(appeal);
        publishSigned(appeal);
        awaitCase(appeal.appealId(), AppealStatus.SIGNED);
        KAFKA.publish(new CoHandlerInputPosted(eventId(), appeal, 3, Instant.now(), "staff:wang", "SHJD-STAT",
                AppealStatus.SIGNED, "input-1", "统计口径说明", List.of("doc:1")), "/appeals/dispatch-service");

        http.post().uri("/api/v1/appeals/{id}/answer", appeal.appealId()).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("result", "RESOLVED", "text", "已办理", "inputsUsed", List.of("input-9")))
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("inputsUsed");
        // The input reaches this service through the topic: until then it is unknown here too.
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> http.post()
                .uri("/api/v1/appeals/{id}/answer", appeal.appealId()).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("result", "RESOLVED", "text", "已办理", "inputsUsed", List.of("input-1")))
                .exchange().returnResult(String.class).getStatus().value() == 200);

        AppealResponded responded = (AppealResponded) KAFKA.awaitFirst(Duration.ofSeconds(30),
                r -> r.event() instanceof AppealResponded && appeal.appealId().equals(r.key()), Topics.EVENTS)
                .orElseThrow().event();
        assertThat(responded.inputsUsed()).containsExactly("input-1");
        assertThat(awaitCase(appeal.appealId(), AppealStatus.RESPONDED).answer().inputsUsed())
                .containsExactly("input-1");
    }

    @Test
    void ratingDeliveredTwiceClosesTheAppealOnceAndTheRedeliveryChangesAndPublishesNothing() {
        AppealRef appeal = respondedAppeal();
        AppealRated rating = new AppealRated(eventId(), appeal, 5, Instant.now(), "hotline", Rating.SATISFIED, true,
                "quick and helpful");

        KAFKA.publish(rating, PRODUCER);
        KAFKA.publish(rating, PRODUCER);
        // A late copy of an earlier stage, behind the two ratings on the appeal's partition: it only adds its id to
        // the case, so once the case has it, the redelivered rating before it has been handled too.
        String marker = eventId();
        KAFKA.publish(new AppealSigned(marker, appeal, 3, Instant.now(), "staff:li", LEAD, true), PRODUCER);
        await().atMost(Duration.ofSeconds(45)).until(() -> stored(appeal).file().hasApplied(marker));

        AppealClosed closed = (AppealClosed) KAFKA.awaitFirst(Duration.ofSeconds(30), closedFor(appeal), Topics.EVENTS)
                .orElseThrow(() -> new AssertionError("no AppealClosed published")).event();
        assertThat(closed.version()).isEqualTo(6);
        assertThat(closed.reason()).isEqualTo(ClosureReason.SATISFIED);
        assertThat(closed.department()).isEqualTo(LEAD);
        assertThat(closed.actor()).isEqualTo("system:feedback-service");
        assertThat(KAFKA.readAll(Duration.ofSeconds(3), closedFor(appeal), Topics.EVENTS)).hasSize(1);
        await().atMost(Duration.ofSeconds(15)).until(() -> nothingPending(appeal));

        StoredCase stored = stored(appeal);
        assertThat(stored.file().outcome().event()).isEqualTo(closed);
        // Writes: assigned, signed, responded, the rating's decision, the marker. Neither the redelivered rating
        // nor our own AppealClosed coming back wrote anything.
        assertThat(stored.revision()).isEqualTo(5);

        CaseView view = awaitCase(appeal.appealId(), AppealStatus.CLOSED);
        assertThat(view.rating().rating()).isEqualTo(Rating.SATISFIED);
        assertThat(view.rating().resolved()).isTrue();
        assertThat(view.version()).isEqualTo(6);
    }

    @Test
    void dissatisfiedRatingReopensToTheSameLeadWithAThreeWorkingDayAnswerDeadline() {
        AppealRef appeal = respondedAppeal();

        KAFKA.publish(new AppealRated(eventId(), appeal, 5, Instant.now(), "hotline", Rating.DISSATISFIED, false,
                "nobody called back"), PRODUCER);

        AppealReopened reopened = (AppealReopened) KAFKA.awaitFirst(Duration.ofSeconds(45),
                r -> r.event() instanceof AppealReopened && appeal.appealId().equals(r.key()), Topics.EVENTS)
                .orElseThrow(() -> new AssertionError("no AppealReopened published")).event();
        assertThat(reopened.department()).isEqualTo(LEAD);
        assertThat(reopened.version()).isEqualTo(6);
        assertThat(reopened.reason()).isEqualTo("enterprise dissatisfied: nobody called back");
        WorkingCalendar calendar = WorkingCalendar.bundled();
        assertThat(reopened.deadlines().answerBy()).isEqualTo(calendar.endOfWorkingDays(reopened.occurredAt(), 3));
        assertThat(reopened.deadlines()).isEqualTo(DeadlinePolicy.defaults(calendar).atReopening(reopened.occurredAt()));

        CaseView view = awaitCase(appeal.appealId(), AppealStatus.REOPENED);
        assertThat(view.deadlines()).isEqualTo(reopened.deadlines());
        http.post().uri("/api/v1/appeals/{id}/answer", appeal.appealId()).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("result", "RESOLVED", "text", "Called back")).exchange()
                .expectStatus().isEqualTo(409)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(409).jsonPath("$.currentStatus").isEqualTo("REOPENED");
    }

    @Test
    void answeringAnAppealNotSignedForIsAConflictNamingItsCurrentStatus() {
        AppealRef appeal = newAppeal();
        publishAssigned(appeal);
        awaitCase(appeal.appealId(), AppealStatus.ASSIGNED);

        http.post().uri("/api/v1/appeals/{id}/answer", appeal.appealId()).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("result", "RESOLVED", "text", "Done")).exchange()
                .expectStatus().isEqualTo(409)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(409)
                .jsonPath("$.currentStatus").isEqualTo("ASSIGNED")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("ASSIGNED"));
        assertThat(awaitCase(appeal.appealId(), AppealStatus.ASSIGNED).answer()).isNull();
    }

    @Test
    void sweepPublishesAnEventLeftInTheOutbox() {
        AppealRef appeal = newAppeal();
        CaseFile signed = CaseFile.open(appeal)
                .apply(new AppealSigned(eventId(), appeal, 3, Instant.now(), "staff:li", LEAD, true));
        Answered answered = signed.answer(new AnswerCommand(AnswerResult.EXPLAINED, "Outside our remit", null),
                Instant.now(), eventId());
        // As if the service stopped right after storing the answer, before its relay ran.
        store.save(StoredCase.unknown(appeal), answered.file(),
                List.of(CaseEvents.pending(answered.announcement(), Instant.now().minusSeconds(60))))
                .block(STORE_WAIT);

        Received received = KAFKA.awaitFirst(Duration.ofSeconds(30),
                r -> appeal.appealId().equals(r.key()) && r.event() instanceof AppealResponded, Topics.EVENTS)
                .orElseThrow(() -> new AssertionError("the sweep published nothing"));
        assertThat(received.event()).isEqualTo(answered.announcement());
        await().atMost(Duration.ofSeconds(15)).until(() -> nothingPending(appeal));
    }

    @Test
    void ratingOfAnAppealNeverAnsweredIsParkedAsADeadLetterWithItsReason() {
        AppealRef appeal = newAppeal();
        AppealRated rating = new AppealRated(eventId(), appeal, 5, Instant.now(), "hotline", Rating.SATISFIED, true,
                null);

        KAFKA.publish(rating, PRODUCER);

        DeadLetters.Letter parked = await().atMost(Duration.ofSeconds(45)).pollInterval(Duration.ofMillis(500))
                .until(() -> deadLettersOf(appeal.appealId()), letters -> !letters.isEmpty()).get(0);
        assertThat(parked.originalTopic()).isEqualTo(Topics.EVENTS);
        assertThat(parked.eventId()).isEqualTo(rating.eventId());
        assertThat(parked.type()).isEqualTo(AppealRated.TYPE);
        assertThat(parked.subject()).isEqualTo(appeal.appealId());
        assertThat(parked.error()).contains("before feedback-service heard of it");
        assertThat(KAFKA.readAll(Duration.ofSeconds(1),
                r -> appeal.appealId().equals(r.key()) && r.event() instanceof AppealClosed, Topics.EVENTS)).isEmpty();
        http.get().uri("/api/v1/appeals/{id}/case", appeal.appealId()).exchange().expectStatus().isNotFound();
    }

    private AppealRef respondedAppeal() {
        AppealRef appeal = newAppeal();
        publishAssigned(appeal);
        publishSigned(appeal);
        publishResponded(appeal);
        awaitCase(appeal.appealId(), AppealStatus.RESPONDED);
        return appeal;
    }

    private StoredCase stored(AppealRef appeal) {
        return store.find(appeal.appealId()).blockOptional(STORE_WAIT)
                .orElseThrow(() -> new AssertionError("no case stored for " + appeal.appealId()));
    }

    private boolean nothingPending(AppealRef appeal) {
        return store.pending(appeal.appealId()).blockOptional(STORE_WAIT).orElseThrow().isEmpty();
    }

    private static Predicate<Received> closedFor(AppealRef appeal) {
        return r -> r.event() instanceof AppealClosed && appeal.appealId().equals(r.key());
    }

    private AnswerReceipt answer(String appealId, Map<String, String> body) {
        return http.post().uri("/api/v1/appeals/{id}/answer", appealId).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body).exchange()
                .expectStatus().isOk()
                .expectBody(AnswerReceipt.class).returnResult().getResponseBody();
    }
}
