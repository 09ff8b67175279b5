package gov.appeals.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import gov.appeals.events.AppealRated;
import gov.appeals.events.AppealRef;
import gov.appeals.events.AppealStatus;
import gov.appeals.events.CloudEventHeaders;
import gov.appeals.events.EventEnvelope;
import gov.appeals.events.Topics;
import gov.appeals.kit.messaging.DeadLetters;

/** A message that can never be read is parked, listed with its error, and can be replayed once by an operator. */
class DeadLetterIntegrationTest extends FeedbackServiceTestBase {

    private static final String MALFORMED = "{\"eventId\": \"not closed";

    @Test
    void malformedEventIsDeadLetteredListedWithItsErrorAndReplayedOnlyOnce() {
        AppealRef appeal = newAppeal();
        String eventId = eventId();
        KAFKA.publish(poison(appeal, eventId));

        DeadLetters.Letter letter = awaitDeadLetters(appeal, 1).get(0);
        assertThat(letter.originalTopic()).isEqualTo(Topics.EVENTS);
        assertThat(letter.type()).isEqualTo(AppealRated.TYPE);
        assertThat(letter.eventId()).isEqualTo(eventId);
        assertThat(letter.subject()).isEqualTo(appeal.appealId());
        assertThat(letter.payload()).isEqualTo(MALFORMED);
        assertThat(letter.error()).contains(AppealRated.TYPE);
        assertThat(letter.replayedAt()).isNull();

        http.post().uri("/api/v1/ops/dead-letters/{id}/replay", letter.id()).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.id").isEqualTo(letter.id()).jsonPath("$.replayed").isEqualTo(true);
        http.post().uri("/api/v1/ops/dead-letters/{id}/replay", letter.id()).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.replayed").isEqualTo(false);

        // The replay went back to appeals.events once; still unreadable, it is parked once more.
        List<DeadLetters.Letter> letters = awaitDeadLetters(appeal, 2);
        assertThat(letters).hasSize(2);
        assertThat(letters.get(1).eventId()).isEqualTo(eventId);
        http.get().uri("/api/v1/ops/dead-letters/{id}", letter.id()).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.replayedAt").isNotEmpty();
    }

    @Test
    void poisonMessageDoesNotHoldUpTheLaterEventsOfItsAppeal() {
        AppealRef appeal = newAppeal();
        KAFKA.publish(poison(appeal, eventId()));
        publishAssigned(appeal);

        awaitCase(appeal.appealId(), AppealStatus.ASSIGNED);
        assertThat(awaitDeadLetters(appeal, 1)).hasSize(1);
    }

    @Test
    void unknownDeadLetterIsNotFound() {
        http.get().uri("/api/v1/ops/dead-letters/{id}", "0-999999").exchange()
                .expectStatus().isNotFound();
        http.post().uri("/api/v1/ops/dead-letters/{id}/replay", "not-an-id").exchange()
                .expectStatus().isNotFound();
    }

    /** A record with a type the service reads and a payload that is not even JSON. */
    private static EventEnvelope poison(AppealRef appeal, String eventId) {
        Map<String, String> headers = Map.of(
                CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_VALUE,
                CloudEventHeaders.ID, eventId,
                CloudEventHeaders.SOURCE, PRODUCER,
                CloudEventHeaders.TYPE, AppealRated.TYPE,
                CloudEventHeaders.SUBJECT, appeal.appealId(),
                CloudEventHeaders.TIME, Instant.now().toString(),
                CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
        return new EventEnvelope(appeal.appealId(), Topics.EVENTS, headers, MALFORMED.getBytes(StandardCharsets.UTF_8));
    }

    private List<DeadLetters.Letter> awaitDeadLetters(AppealRef appeal, int count) {
        return await().atMost(Duration.ofSeconds(45)).pollInterval(Duration.ofMillis(500))
                .until(() -> deadLettersOf(appeal.appealId()), letters -> letters.size() >= count);
    }
}
