package gov.appeals.events;

import java.time.Instant;

/**
 * The lead department's head asked for more time (延期) before the answer deadline. A note on the current stage.
 *
 * @param until the answer deadline asked for
 */
public record ExtensionRequested(String eventId, AppealRef appeal, int version, Instant occurredAt, String actor,
                                 String department, AppealStatus status, String extensionId, Instant until,
                                 String reason) implements AppealEvent {

    public static final String TYPE = "gov.appeals.ExtensionRequested.v1";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public boolean isStageChange() {
        return false;
    }
}
