package gov.appeals.events;

import java.time.Instant;

/**
 * A supervisor approved or refused an extension. A note on the current stage; an approval moves the answer
 * deadline.
 *
 * @param deadlines the appeal's clocks from now on when approved, null when refused
 */
public record ExtensionDecided(String eventId, AppealRef appeal, int version, Instant occurredAt, String actor,
                               String department, AppealStatus status, String extensionId, boolean approved,
                               String comment, Deadlines deadlines) implements AppealEvent {

    public static final String TYPE = "gov.appeals.ExtensionDecided.v1";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public boolean isStageChange() {
        return false;
    }
}
