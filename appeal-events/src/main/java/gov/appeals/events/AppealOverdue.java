package gov.appeals.events;

import java.time.Instant;

/**
 * A clock of the appeal ran out (超期). A note on the current stage (see {@link AppealDueSoon}), fired once per
 * deadline.
 *
 * @param department the department that missed it (the lead)
 */
public record AppealOverdue(String eventId, AppealRef appeal, int version, Instant occurredAt, String actor,
                            String department, AppealStatus status, ClockKind clock, Instant deadline)
        implements AppealEvent {

    public static final String TYPE = "gov.appeals.AppealOverdue.v1";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public boolean isStageChange() {
        return false;
    }
}
