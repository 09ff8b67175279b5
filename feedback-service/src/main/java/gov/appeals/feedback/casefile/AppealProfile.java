package gov.appeals.feedback.casefile;

import java.time.Instant;

import gov.appeals.events.AppealAccepted;
import gov.appeals.events.Urgency;

/**
 * What supervision needs to know about an appeal from its acceptance: when the enterprise started waiting, and
 * whether it is a key enterprise. No personal data: the credit code identifies an enterprise, not a person.
 */
public record AppealProfile(Instant acceptedAt, String street, String category, Urgency urgency, String creditCode,
                            boolean keyEnterprise) {

    static AppealProfile of(AppealAccepted accepted) {
        String creditCode = accepted.enterprise() == null ? null : accepted.enterprise().creditCode();
        return new AppealProfile(accepted.occurredAt(), accepted.street(), accepted.category(), accepted.urgency(),
                creditCode, Boolean.TRUE.equals(accepted.keyEnterprise()));
    }
}
