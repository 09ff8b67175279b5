package gov.appeals.events;

import java.time.Instant;
import java.util.List;

/**
 * The lead department answered (反馈); the answer goes back to the enterprise and the 12345 system.
 *
 * @param inputsUsed the co-handlers' inputs (协办意见, by id) the answer draws on, possibly empty
 */
public record AppealResponded(String eventId, AppealRef appeal, int version, Instant occurredAt, String actor,
                              String department, AnswerResult result, String text, boolean withinDeadline,
                              List<String> inputsUsed) implements AppealEvent {

    public static final String TYPE = "gov.appeals.AppealResponded.v1";

    public AppealResponded {
        inputsUsed = inputsUsed == null ? List.of() : List.copyOf(inputsUsed);
    }

    /** An answer that draws on no co-handler's input. */
    public AppealResponded(String eventId, AppealRef appeal, int version, Instant occurredAt, String actor,
                           String department, AnswerResult result, String text, boolean withinDeadline) {
        this(eventId, appeal, version, occurredAt, actor, department, result, text, withinDeadline, List.of());
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public AppealStatus status() {
        return AppealStatus.RESPONDED;
    }
}
