package gov.appeals.events;

import java.time.Instant;

/**
 * A consulted department answered the triage unit: whether the appeal is its own, and why. A note on the current
 * stage.
 *
 * @param department the department that answered
 * @param ours       true when it takes the appeal as within its remit
 */
public record ConsultationAnswered(String eventId, AppealRef appeal, int version, Instant occurredAt, String actor,
                                   String department, AppealStatus status, String consultationId, boolean ours,
                                   String text) implements AppealEvent {

    public static final String TYPE = "gov.appeals.ConsultationAnswered.v1";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public boolean isStageChange() {
        return false;
    }
}
