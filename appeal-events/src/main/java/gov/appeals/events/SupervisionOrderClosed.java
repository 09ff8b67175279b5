package gov.appeals.events;

import java.time.Instant;

/** A supervisor closed a supervision order once the department answered. A note on the current stage. */
public record SupervisionOrderClosed(String eventId, AppealRef appeal, int version, Instant occurredAt, String actor,
                                     String department, AppealStatus status, String orderId, String comment)
        implements AppealEvent {

    public static final String TYPE = "gov.appeals.SupervisionOrderClosed.v1";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public boolean isStageChange() {
        return false;
    }
}
