package gov.appeals.feedback.casefile;

import gov.appeals.events.AppealResponded;

/**
 * The result of answering a case.
 *
 * @param announcement the event to publish, or null when the same answer had already been given (a retried
 *                     request), in which case {@code file} is the unchanged case
 */
public record Answered(CaseFile file, AppealResponded announcement) {

    public boolean isRepeat() {
        return announcement == null;
    }
}
