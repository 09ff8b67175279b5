package gov.appeals.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import gov.appeals.events.AppealAccepted;
import gov.appeals.events.AppealRef;
import gov.appeals.events.EventEnvelope;
import gov.appeals.events.Source;

/** 12345 being away: callbacks wait for it, in order, and none is given up on. */
class HotlineOutageTest extends RunningServiceTest {

    @AfterEach
    void hotlineIsBack() {
        hotline.up();
    }

    @Test
    void callsBackEveryStageInOrderAndOnceAfterTheHotlineWasDown() {
        StagesWhileDown stages = StagesWhileDown.publish(hotline, kafka);
        AppealRef appeal = stages.appeal();
        kafka.publish(stages.rated(), INTAKE);

        // The acceptance is tried again and again; the appeal's later stages wait behind it.
        await().atMost(PATIENCE).until(() -> hotline.callbacksFor(appeal.appealId()).size() >= 4);
        assertThat(hotline.callbacksFor(appeal.appealId()))
                .allSatisfy(attempt -> {
                    assertThat(attempt.eventId()).isEqualTo(stages.accepted().eventId());
                    assertThat(attempt.status()).isEqualTo(503);
                });
        stages.noneDelivered(web);

        hotline.up();
        // Same key, same partition: once the barrier is called back, everything before it has been handled.
        AppealAccepted barrier = Events.accepted(Events.appeal(Source.HOTLINE_12345));
        EventEnvelope barrierEnvelope = EventEnvelope.of(barrier, INTAKE);
        kafka.publish(new EventEnvelope(appeal.appealId(), barrierEnvelope.topic(), barrierEnvelope.headers(),
                barrierEnvelope.payload()));
        awaitConfirmed(barrier.appealId(), 1);

        assertThat(hotline.confirmedFor(appeal.appealId())).extracting(RecordingStub.Request::eventId)
                .containsExactly(stages.accepted().eventId(), stages.assigned().eventId(), stages.rated().eventId());
        assertThat(hotline.confirmedFor(appeal.appealId())).extracting(c -> c.text("stage"))
                .containsExactly("已受理", "已分派", "已评价");
        stages.allDelivered(web)
                .jsonPath("$[0].outcome").isEqualTo("DELIVERED")
                .jsonPath("$[1].outcome").isEqualTo("DELIVERED")
                .jsonPath("$[2].outcome").isEqualTo("DELIVERED")
                .jsonPath("$[2].httpStatus").isEqualTo(200);
        for (String eventId : new String[] {stages.accepted().eventId(), stages.assigned().eventId(),
                stages.rated().eventId()}) {
            assertThat(deadLettersOf(eventId)).as("dead letters of " + eventId).isEmpty();
        }
    }
}
