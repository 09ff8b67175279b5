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
import gov.appeals.events.AppealEvent;
import gov.appeals.events.AppealRated;
import gov.appeals.events.AppealRef;
import gov.appeals.events.AppealReopened;
import gov.appeals.events.AppealResponded;
import gov.appeals.events.AppealSigned;
import gov.appeals.events.AppealStatus;
import gov.appeals.events.CloudEventHeaders;
import gov.appeals.events.Rating;
import gov.appeals.events.Topics;
import gov.appeals.events.calendar.DeadlinePolicy;
import gov.appeals.events.calendar.WorkingCalendar;
import gov.appeals.feedback.answer.AnswerReceipt;
import gov.appeals.feedback.answer.CaseView;
import gov.appeals.feedback.casefile.AnswerCommand;
import gov.appeals.feedback.casefile.Answered;
import gov.appeals.feedback.casefile.CaseFile;
import gov.appeals.feedback.store.CaseStore;
import gov.appeals.feedback.store.OutboxEntry;
import gov.appeals.feedback.store.StoredCase;
import gov.appeals.testsupport.KafkaTestClient.Received;

class CaseLifecycleIntegrationTest extends FeedbackServiceTestBase {

    @Autowired
    CaseStore store;

    @Test
    void answerOfASignedAppealIsPublishedOnLifecycleWithCloudEventHeadersAndKey() {
        AppealRef appeal = newAppeal();
        publishAssigned(appeal);
        publishSigned(appeal);
        CaseView signed = awaitCase(appeal.appealId(), AppealStatus.SIGNED);
        assertThat(signed.lead()).isEqualTo(LEAD);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                awaitCase(appeal.appealId(), AppealStatus.SIGNED).coHandlers().contains("SHJD-STAT"));

        Map<String, String> body = Map.of("result", "RESOLVED", "text", "The loan was approved", "staff", "wang");
        AnswerReceipt receipt = answer(appeal.appealId(), body);

        assertThat(receipt.id()).isEqualTo(appeal.appealId());
        assertThat(receipt.status()).isEqualTo(AppealStatus.RESPONDED);
        assertThat(receipt.result()).isEqualTo(AnswerResult.RESOLVED);
        assertThat(receipt.withinDeadline()).isTrue();
        assertThat(receipt.answeredAt()).isNotNull();

        Received received = KAFKA.awaitFirst(Duration.ofSeconds(30),
                r -> r.event() instanceof AppealResponded && appeal.appealId().equals(r.key()), Topics.LIFECYCLE)
                .orElseThrow(() -> new AssertionError("no AppealResponded published"));
        AppealResponded responded = (AppealResponded) received.event();
        assertThat(responded.version()).isEqualTo(4);
        assertThat(responded.department()).isEqualTo(LEAD);
        assertThat(responded.actor()).isEqualTo("staff:wang");
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
                r -> r.event() instanceof AppealResponded && appeal.appealId().equals(r.key()), Topics.LIFECYCLE);
        assertThat(answers).extracting(r -> r.event().eventId()).containsOnly(responded.eventId());

        CaseView answered = awaitCase(appeal.appealId(), AppealStatus.RESPONDED);
        assertThat(answered.answer().text()).isEqualTo("The loan was approved");
        assertThat(answered.answer().actor()).isEqualTo("staff:wang");
        assertThat(answered.version()).isEqualTo(4);
    }

    @Test
    void sameSatisfiedRatingDeliveredTwiceClosesTheAppealOnce() {
        AppealRef appeal = respondedAppeal();
        AppealRated rating = new AppealRated(eventId(), appeal, 5, Instant.now(), "hotline", Rating.SATISFIED, true,
                "quick and helpful");

        KAFKA.publish(rating, PRODUCER);
        KAFKA.publish(rating, PRODUCER);

        await().atMost(Duration.ofSeconds(45)).untilAsserted(() -> assertThat(
                KAFKA.readAll(Duration.ofSeconds(2), closedFor(appeal), Topics.LIFECYCLE)).hasSize(2));
        List<AppealEvent> closed = KAFKA.readAll(Duration.ofSeconds(1), closedFor(appeal), Topics.LIFECYCLE).stream()
                .map(Received::event).toList();
        assertThat(closed).extracting(AppealEvent::eventId).containsOnly(closed.get(0).eventId());
        AppealClosed first = (AppealClosed) closed.get(0);
        assertThat(first.version()).isEqualTo(6);
        assertThat(first.reason()).isEqualTo(ClosureReason.SATISFIED);
        assertThat(first.department()).isEqualTo(LEAD);
        assertThat(first.actor()).isEqualTo("system:feedback-service");

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
                r -> r.event() instanceof AppealReopened && appeal.appealId().equals(r.key()), Topics.LIFECYCLE)
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
                .expectBody().jsonPath("$.status").isEqualTo(409).jsonPath("$.appealStatus").isEqualTo("REOPENED");
    }

    @Test
    void answeringAnAppealNotSignedForIsAConflictNamingItsStatus() {
        AppealRef appeal = newAppeal();
        publishAssigned(appeal);
        awaitCase(appeal.appealId(), AppealStatus.ASSIGNED);

        http.post().uri("/api/v1/appeals/{id}/answer", appeal.appealId()).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("result", "RESOLVED", "text", "Done")).exchange()
                .expectStatus().isEqualTo(409)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(409)
                .jsonPath("$.appealStatus").isEqualTo("ASSIGNED")
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
                List.of(OutboxEntry.of(answered.announcement(), Instant.now().minusSeconds(60)))).block();

        Received received = KAFKA.awaitFirst(Duration.ofSeconds(30),
                r -> appeal.appealId().equals(r.key()) && r.event() instanceof AppealResponded, Topics.LIFECYCLE)
                .orElseThrow(() -> new AssertionError("the sweep published nothing"));
        assertThat(received.event()).isEqualTo(answered.announcement());
        await().atMost(Duration.ofSeconds(15)).until(() -> store.pending(appeal.appealId()).block().isEmpty());
    }

    @Test
    void ratingOfAnAppealNeverAnsweredIsParkedInTheDeadLetterTopic() {
        AppealRef appeal = newAppeal();
        AppealRated rating = new AppealRated(eventId(), appeal, 5, Instant.now(), "hotline", Rating.SATISFIED, true,
                null);

        KAFKA.publish(rating, PRODUCER);

        Received parked = KAFKA.awaitFirst(Duration.ofSeconds(45), r -> appeal.appealId().equals(r.key()),
                Topics.dlqFor("feedback-service"))
                .orElseThrow(() -> new AssertionError("nothing reached the dead-letter topic"));
        assertThat(parked.event()).isEqualTo(rating);
        assertThat(parked.header("x-exception-message")).contains("before feedback-service heard of it");
        assertThat(KAFKA.readAll(Duration.ofSeconds(1),
                r -> appeal.appealId().equals(r.key()) && r.event() instanceof AppealClosed, Topics.LIFECYCLE)).isEmpty();
    }

    private AppealRef respondedAppeal() {
        AppealRef appeal = newAppeal();
        publishAssigned(appeal);
        publishSigned(appeal);
        publishResponded(appeal);
        awaitCase(appeal.appealId(), AppealStatus.RESPONDED);
        return appeal;
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
