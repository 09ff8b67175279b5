package gov.appeals.events;

public enum AnswerResult {
    RESOLVED, PARTIALLY_RESOLVED,
    /** Cannot be resolved; the answer explains why. */
    EXPLAINED
}
