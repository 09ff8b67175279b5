package gov.appeals.events;

import java.time.Instant;

/** The enterprise was dissatisfied (不满意 → 重办): back to the same lead department with short clocks. */
public record AppealReopened(String eventId, AppealRef appeal, int version, Instant occurredAt, String actor,
                             String department, String reason, Deadlines deadlines) implements AppealEvent {

    public static final String TYPE = "gov.appeals.AppealReopened.v1";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public AppealStatus status() {
        return AppealStatus.REOPENED;
    }
}
