package gov.appeals.feedback.casefile;

import java.time.Instant;

/**
 * A request for more time (延期) by the lead department's head, and the supervisor's decision on it.
 *
 * @param until the answer deadline asked for
 */
public record Extension(String extensionId, Instant until, String reason, String requestedBy, Instant requestedAt,
                        State state, String decidedBy, Instant decidedAt, String comment) {

    public enum State { PENDING, APPROVED, REFUSED }

    Extension decided(boolean approved, String by, Instant at, String decisionComment) {
        return new Extension(extensionId, until, reason, requestedBy, requestedAt,
                approved ? State.APPROVED : State.REFUSED, by, at, decisionComment);
    }
}
