package gov.appeals.feedback.casefile.store;

import gov.appeals.events.AppealRef;
import gov.appeals.feedback.casefile.CaseFile;

/**
 * A case as read, with what a guarded write needs to know: whether the document exists and at which revision.
 */
public record StoredCase(CaseFile file, boolean exists, long revision) {

    /** The starting point for an appeal this service has not seen yet. */
    public static StoredCase unknown(AppealRef appeal) {
        return new StoredCase(CaseFile.open(appeal), false, 0);
    }
}
