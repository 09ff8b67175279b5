package gov.appeals.events;

import java.time.Instant;
import java.util.List;

/**
 * The appeal was assigned (分派) to a lead department (主办) and co-handlers (协办).
 *
 * @param department  the lead department
 * @param coHandlers  co-handling departments, possibly empty
 * @param decidedBy   what decided: a routing rule id ({@code rule:category:FINANCING}) or a triager
 *                    ({@code triage:<name>})
 * @param reason      a sentence a person can read: why this department
 * @param deadlines   the clocks the department works against
 * @param ruleVersion the version of the routing rules that decided, null when no rule did (triage, transfer)
 * @param transferredFrom the department that handed the signed appeal over (转办), null for any other assignment
 */
public record AppealAssigned(String eventId, AppealRef appeal, int version, Instant occurredAt, String actor,
                             String department, List<String> coHandlers, String category,
                             String decidedBy, String reason, Deadlines deadlines, Integer ruleVersion,
                             String transferredFrom) implements AppealEvent {

    public static final String TYPE = "gov.appeals.AppealAssigned.v1";

    public AppealAssigned {
        coHandlers = coHandlers == null ? List.of() : List.copyOf(coHandlers);
    }

    /** An assignment that names no rule version and is no transfer (the v1 shape before those fields). */
    public AppealAssigned(String eventId, AppealRef appeal, int version, Instant occurredAt, String actor,
                          String department, List<String> coHandlers, String category, String decidedBy,
                          String reason, Deadlines deadlines) {
        this(eventId, appeal, version, occurredAt, actor, department, coHandlers, category, decidedBy, reason,
                deadlines, null, null);
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public AppealStatus status() {
        return AppealStatus.ASSIGNED;
    }
}
