package gov.appeals.events;

import java.time.Instant;

/** The loop is closed: the enterprise was (basically) satisfied, or gave no rating within the callback window. */
public record AppealClosed(String eventId, AppealRef appeal, int version, Instant occurredAt, String actor,
                           String department, ClosureReason reason) implements AppealEvent {

    public static final String TYPE = "gov.appeals.AppealClosed.v1";

    public enum ClosureReason { SATISFIED, BASICALLY_SATISFIED, NO_RATING_IN_TIME }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public AppealStatus status() {
        return AppealStatus.CLOSED;
    }
}
