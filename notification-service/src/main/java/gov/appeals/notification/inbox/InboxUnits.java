package gov.appeals.notification.inbox;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Whose inbox a user reads: the items of the unit the token names (a clerk's or head's department, the triager's
 * triage unit), plus those addressed to {@link #SUPERVISORS} for a supervisor (who has no department) and those of
 * the triage unit for a triager.
 */
public final class InboxUnits {

    /** The unit the district's supervisors read: overdue appeals district-wide. */
    public static final String SUPERVISORS = "SUPERVISORS";

    private InboxUnits() {
    }

    /** @return the units whose items the user reads; empty when none (the user has no inbox) */
    public static Set<String> of(String department, boolean supervisor, boolean triager, boolean clerk,
                                 String triageUnit) {
        Set<String> units = new LinkedHashSet<>();
        if (department != null && !department.isBlank() && (clerk || triager || supervisor)) {
            units.add(department);
        }
        if (supervisor) {
            units.add(SUPERVISORS);
        }
        if (triager) {
            units.add(triageUnit);
        }
        return Set.copyOf(units);
    }
}
