package gov.appeals.events;

import java.time.Instant;
import java.util.List;

/**
 * A co-handling department posted its input (协办意见) for the lead's answer. A note on the current stage.
 *
 * @param department  the co-handler
 * @param inputId     the id the lead's answer cites it by
 * @param attachments references to files kept elsewhere (no content travels in events)
 */
public record CoHandlerInputPosted(String eventId, AppealRef appeal, int version, Instant occurredAt, String actor,
                                   String department, AppealStatus status, String inputId, String text,
                                   List<String> attachments) implements AppealEvent {

    public static final String TYPE = "gov.appeals.CoHandlerInputPosted.v1";

    public CoHandlerInputPosted {
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public boolean isStageChange() {
        return false;
    }
}
