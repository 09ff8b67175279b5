package gov.appeals.events;

import java.time.Instant;

/**
 * A supervision order (督办单) was raised on the appeal: automatically when a clock ran out, or by a supervisor. A
 * note on the current stage (see {@link AppealDueSoon}).
 *
 * @param department    the department the order is addressed to (the lead)
 * @param orderId       the order's id, stable across redelivery
 * @param trigger       why: {@code OVERDUE} (a clock ran out) or {@code MANUAL} (a supervisor)
 * @param comment       what the order asks, in words
 * @param dueBy         the order's own deadline (3 working days)
 * @param escalatedTo   the unit a key enterprise's order also goes to (区调度专班), else null
 */
public record SupervisionOrderRaised(String eventId, AppealRef appeal, int version, Instant occurredAt, String actor,
                                     String department, AppealStatus status, String orderId, Trigger trigger,
                                     String comment, Instant dueBy, String escalatedTo) implements AppealEvent {

    public static final String TYPE = "gov.appeals.SupervisionOrderRaised.v1";

    public enum Trigger { OVERDUE, MANUAL }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public boolean isStageChange() {
        return false;
    }
}
