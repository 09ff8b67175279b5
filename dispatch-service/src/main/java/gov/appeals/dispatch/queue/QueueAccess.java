package gov.appeals.dispatch.queue;

import gov.appeals.kit.security.Actor;
import gov.appeals.kit.security.Roles;

/**
 * Whose queue an actor may read and work (docs/security.md): a department's clerks and head their own, the
 * triage desk the triage unit's, supervisors every one to read.
 */
public final class QueueAccess {

    private QueueAccess() {
    }

    public static boolean mayRead(Actor actor, String unit, String triageUnit) {
        return actor.worksFor(unit) || actor.has(Roles.SUPERVISOR)
                || actor.has(Roles.TRIAGER) && unit.equals(triageUnit);
    }

    /** Signing for an appeal is its lead department's act. */
    public static boolean mayWork(Actor actor, String unit) {
        return actor.worksFor(unit);
    }
}
