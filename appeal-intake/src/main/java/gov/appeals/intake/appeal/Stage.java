package gov.appeals.intake.appeal;

import java.time.Instant;
import java.util.List;

import gov.appeals.events.AnswerResult;
import gov.appeals.events.AppealStatus;
import gov.appeals.events.ClockKind;
import gov.appeals.events.Deadlines;
import gov.appeals.events.Rating;

/**
 * One stage of an appeal's history as intake records it (its timeline entry), with what the stage says about the
 * appeal: the fields an event sets are kept with it, so the status view can be folded from the stages in version
 * order whatever order they arrived in.
 *
 * @param eventId    the event this stage records, null for the one that has none (RECEIVED)
 * @param version    the event's position in the appeal's history (0 for RECEIVED, 1 for the acceptance)
 * @param lead       the lead department this stage names (assignment, triage), else null
 * @param category   the category this stage sets (acceptance, assignment), else null
 * @param deadlines  the clocks this stage sets, else null
 * @param alarm      the alarm this note announces (due soon, overdue), else null
 * @param internal   the district's own business (supervision orders, extension requests and refusals, hotspots,
 *                   co-handlers' input, consultations):
 *                   not shown to the enterprise's side
 */
public record Stage(String eventId, int version, AppealStatus status, Instant at, String actor, String department,
                    String note, String lead, List<String> coHandlers, String category, Deadlines deadlines,
                    Answer answer, RatingGiven rating, Alarm alarm, boolean internal) {

    public Stage {
        coHandlers = coHandlers == null ? List.of() : List.copyOf(coHandlers);
    }

    public record Answer(AnswerResult result, String text, String department, Instant at) {
    }

    public record RatingGiven(Rating rating, Boolean resolved, String comment, Instant at) {
    }

    /** @param overdue true: the clock ran out (超期); false: it is about to (临期) */
    public record Alarm(ClockKind clock, boolean overdue, Instant deadline) {
    }

    /** A stage that sets nothing but the status (and its timeline entry). */
    public static Stage plain(String eventId, int version, AppealStatus status, Instant at, String actor,
                              String department, String note) {
        return new Stage(eventId, version, status, at, actor, department, note, null, List.of(), null, null, null,
                null, null, false);
    }
}
