package gov.appeals.events;

import java.time.Instant;

/**
 * The lead returned the appeal (退单) with a reason. dispatch re-routes it at once, excluding every department that
 * returned it, so this event is always followed by an {@link AppealAssigned} or {@link AppealSentToTriage}. Returns
 * count against the returning department (退单率).
 *
 * @param department the department that returned it
 * @param returns    how many times the appeal has been returned, this one included
 */
public record AppealReturned(String eventId, AppealRef appeal, int version, Instant occurredAt, String actor,
                             String department, ReturnReason reason, String text, int returns)
        implements AppealEvent {

    public static final String TYPE = "gov.appeals.AppealReturned.v1";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public AppealStatus status() {
        return AppealStatus.RETURNED;
    }
}
