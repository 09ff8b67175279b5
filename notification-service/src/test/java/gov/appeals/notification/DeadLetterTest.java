package gov.appeals.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import gov.appeals.events.AppealAccepted;
import gov.appeals.events.AppealAssigned;
import gov.appeals.events.AppealRef;
import gov.appeals.events.EventEnvelope;
import gov.appeals.events.Source;
import gov.appeals.events.Topics;
import tools.jackson.databind.JsonNode;

/** What can never succeed goes to this service's dead-letter topic at once, without holding the appeal up. */
class DeadLetterTest extends RunningServiceTest {

    private static final String POISON = "{\"eventId\":";

    @Test
    void deadLettersAnUnreadableEventAndReplaysItOnce() {
        AppealRef appeal = Events.appeal(Source.HOTLINE_12345);
        AppealAccepted accepted = Events.accepted(appeal);
        EventEnvelope envelope = EventEnvelope.of(accepted, INTAKE);
        AppealAssigned assigned = Events.assigned(appeal);

        kafka.publish(new EventEnvelope(envelope.key(), Topics.EVENTS, envelope.headers(),
                POISON.getBytes(StandardCharsets.UTF_8)));
        kafka.publish(assigned, "/appeals/dispatch-service");

        // The next stage of the appeal is not held up by a message that can never be read.
        awaitConfirmed(appeal.appealId(), 1);
        assertThat(hotline.callbacksFor(appeal.appealId())).extracting(RecordingStub.Request::eventId)
                .containsExactly(assigned.eventId());
        await().atMost(PATIENCE).until(() -> deadLettersOf(accepted.eventId()).size() == 1);
        JsonNode letter = deadLettersOf(accepted.eventId()).get(0);
        assertThat(letter.path("originalTopic").asString()).isEqualTo(Topics.EVENTS);
        assertThat(letter.path("type").asString()).isEqualTo(AppealAccepted.TYPE);
        assertThat(letter.path("subject").asString()).isEqualTo(appeal.appealId());
        assertThat(letter.path("key").asString()).isEqualTo(appeal.appealId());
        assertThat(letter.path("payload").asString()).isEqualTo(POISON);
        assertThat(letter.path("error").asString()).contains("Unreadable " + AppealAccepted.TYPE);
        assertThat(letter.path("replayedAt").isNull()).isTrue();
        String id = letter.path("id").asString();

        web.get().uri("/api/v1/ops/dead-letters/{id}", id)
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.eventId").isEqualTo(accepted.eventId());
        web.post().uri("/api/v1/ops/dead-letters/{id}/replay", id)
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.id").isEqualTo(id)
                .jsonPath("$.replayed").isEqualTo(true);
        web.post().uri("/api/v1/ops/dead-letters/{id}/replay", id)
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.replayed").isEqualTo(false);

        // Replayed to appeals.events once: still unreadable, so it is dead-lettered once more, and never called back.
        await().atMost(PATIENCE).until(() -> deadLettersOf(accepted.eventId()).size() == 2);
        assertThat(deadLettersOf(accepted.eventId()).get(0).path("replayedAt").isNull()).isFalse();
        assertThat(hotline.callbacksFor(appeal.appealId())).extracting(RecordingStub.Request::eventId)
                .containsExactly(assigned.eventId());
    }

    @Test
    void deadLettersACallbackTheHotlineRefusesForGoodAndGoesOnWithTheAppeal() {
        AppealRef appeal = Events.appeal(Source.HOTLINE_12345);
        AppealAccepted accepted = Events.accepted(appeal);
        AppealAssigned assigned = Events.assigned(appeal);
        hotline.refuse(accepted.eventId());

        kafka.publish(accepted, INTAKE);
        kafka.publish(assigned, "/appeals/dispatch-service");

        awaitConfirmed(appeal.appealId(), 1);
        assertThat(hotline.callbacksFor(appeal.appealId()))
                .extracting(RecordingStub.Request::eventId, RecordingStub.Request::status)
                .as("asked once, not retried")
                .containsExactly(tuple(accepted.eventId(), 422),
                        tuple(assigned.eventId(), 200));
        await().atMost(PATIENCE).until(() -> deadLettersOf(accepted.eventId()).size() == 1);
        assertThat(deadLettersOf(accepted.eventId()).get(0).path("error").asString()).contains("HTTP 422");
        web.get().uri("/api/v1/deliveries?appealId={id}", appeal.appealId())
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.length()").isEqualTo(1)
                .jsonPath("$[0].eventId").isEqualTo(assigned.eventId());
    }

    @Test
    void answersNotFoundForADeadLetterThatIsNotThere() {
        web.get().uri("/api/v1/ops/dead-letters/{id}", "0-999999")
                .exchange()
                .expectStatus().isNotFound();
    }
}
