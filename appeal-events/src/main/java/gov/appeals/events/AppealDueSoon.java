package gov.appeals.events;

import java.time.Instant;

/**
 * A clock of the appeal is about to run out (临期预警). Like every alarm, supervision and extension event it is a
 * note on the appeal's current stage, not a stage change: it carries the version and status of the stage it
 * annotates, so a consumer that orders by version never lets it hide a newer stage.
 *
 * @param department the department the clock is running against (the lead)
 * @param deadline   the deadline that is near
 */
public record AppealDueSoon(String eventId, AppealRef appeal, int version, Instant occurredAt, String actor,
                            String department, AppealStatus status, ClockKind clock, Instant deadline)
        implements AppealEvent {

    public static final String TYPE = "gov.appeals.AppealDueSoon.v1";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public boolean isStageChange() {
        return false;
    }
}
