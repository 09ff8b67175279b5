package gov.appeals.feedback.casefile;

import java.util.List;

import gov.appeals.kit.security.Actor;

/**
 * Who may see and answer a case (docs/security.md). A case of another department is, to its staff, not there at
 * all (404), so that appeal ids cannot be probed; a co-handler sees it but answering is the lead's (403).
 */
public final class CaseAccess {

    private CaseAccess() {
    }

    public static boolean mayRead(Actor actor, String lead, List<String> coHandlers) {
        return actor.readsEverything() || handles(actor, lead, coHandlers);
    }

    public static boolean handles(Actor actor, String lead, List<String> coHandlers) {
        return actor.worksFor(lead) || coHandlers != null && coHandlers.stream().anyMatch(actor::worksFor);
    }

    public static boolean mayAnswer(Actor actor, String lead) {
        return actor.worksFor(lead);
    }
}
