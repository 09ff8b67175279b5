package gov.appeals.dispatch.queue;

import java.time.Instant;
import java.util.List;

import gov.appeals.events.AppealStatus;
import gov.appeals.events.CoHandlerInputPosted;

/**
 * Co-handling (协办): a co-handling department posts its input for the lead's answer, as often as it has something
 * to add, while the appeal is open. The lead sees every input with the appeal, and its answer names the inputs it
 * used. An input is a note on the current stage: it moves the appeal nowhere.
 */
public final class CoHandling {

    public record Input(String unit, String text, List<String> attachments, String staff) {
        public Input {
            attachments = attachments == null ? List.of() : List.copyOf(attachments);
        }
    }

    private CoHandling() {
    }

    public static Transition post(Assignment appeal, Input input, String inputId, String eventId, Instant now) {
        if (!appeal.coHandlers().contains(input.unit()) || appeal.status() == AppealStatus.TRIAGE
                || !Assignment.openStatuses().contains(appeal.status())) {
            throw new NotInQueueException(appeal.appealId(), input.unit());
        }
        Trail trail = appeal.trail().withInput(new Trail.Input(inputId, input.unit(), input.text(),
                input.attachments(), input.staff(), now));
        return new Transition(appeal, appeal.withTrail(trail), new CoHandlerInputPosted(eventId, appeal.appeal(),
                appeal.version(), now, "staff:" + input.staff(), input.unit(), appeal.status(), inputId,
                input.text(), input.attachments()));
    }
}
