package gov.appeals.events;

import java.time.Instant;

/** The lead department signed for (签收) the appeal: someone owns it now. */
public record AppealSigned(String eventId, AppealRef appeal, int version, Instant occurredAt, String actor,
                           String department, boolean withinDeadline) implements AppealEvent {

    public static final String TYPE = "gov.appeals.AppealSigned.v1";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public AppealStatus status() {
        return AppealStatus.SIGNED;
    }
}
