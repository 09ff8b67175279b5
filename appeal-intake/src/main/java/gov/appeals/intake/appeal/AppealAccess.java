package gov.appeals.intake.appeal;

import java.util.List;

import gov.appeals.events.Source;
import gov.appeals.kit.security.Actor;

/**
 * Who may see which appeal, and how much of it (docs/security.md). An actor who may not see an appeal is told it
 * does not exist, so that appeal ids and work-order numbers cannot be probed.
 */
public final class AppealAccess {

    /** How much of an appeal an actor sees. */
    public enum View {
        /** Nothing: answered as not found. */
        NONE,
        /** The source system it came through, for the enterprise: no staff names. */
        ENTERPRISE,
        /** A department that leads or co-handles it: the full contact, to call the enterprise back. */
        HANDLER,
        /** Triage and supervisors: everything but the contact's full phone number. */
        READER
    }

    private AppealAccess() {
    }

    public static View of(Actor actor, Source source, String lead, List<String> coHandlers) {
        if (actor.isSource()) {
            return actor.source().equals(source.name()) ? View.ENTERPRISE : View.NONE;
        }
        if (actor.department() != null && (actor.worksFor(lead)
                || coHandlers != null && coHandlers.stream().anyMatch(actor::worksFor))) {
            return View.HANDLER;
        }
        return actor.readsEverything() ? View.READER : View.NONE;
    }

    /** A source system submits and rates only its own appeals: its key says which source it is. */
    public static boolean speaksFor(Actor actor, Source source) {
        return actor.isSource() && source != null && actor.source().equals(source.name());
    }
}
