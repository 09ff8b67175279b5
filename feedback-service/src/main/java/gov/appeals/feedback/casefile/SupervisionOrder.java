package gov.appeals.feedback.casefile;

import java.time.Instant;

import gov.appeals.events.SupervisionOrderRaised.Trigger;

/**
 * A supervision order (督办单) on the case: addressed to the lead department, with its own deadline, open until a
 * supervisor closes it once the department has answered.
 *
 * @param escalatedTo the district dispatch task force when the enterprise is a key one, else null
 */
public record SupervisionOrder(String orderId, String department, Trigger trigger, String comment, String raisedBy,
                               Instant raisedAt, Instant dueBy, String escalatedTo, Instant closedAt, String closedBy,
                               String closeComment) {

    public boolean isOpen() {
        return closedAt == null;
    }

    SupervisionOrder closed(Instant at, String by, String comment) {
        return new SupervisionOrder(orderId, department, trigger, this.comment, raisedBy, raisedAt, dueBy, escalatedTo,
                at, by, comment);
    }
}
