package gov.appeals.events;

import java.time.Instant;

/**
 * No routing rule covered the appeal, so it waits in the triage queue (兜底) of {@code department} (区经委), whose
 * decision is final.
 */
public record AppealSentToTriage(String eventId, AppealRef appeal, int version, Instant occurredAt, String actor,
                                 String department, String reason, Deadlines deadlines) implements AppealEvent {

    public static final String TYPE = "gov.appeals.AppealSentToTriage.v1";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public AppealStatus status() {
        return AppealStatus.TRIAGE;
    }
}
