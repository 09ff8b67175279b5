package gov.appeals.events;

import java.time.Instant;
import java.util.List;

/**
 * Enough appeals of one category in one street came in within the window to make a hotspot (热点). Published on
 * the stream of the appeal that completed it; a note on that appeal's current stage.
 *
 * @param appealIds the appeals that form it, oldest first
 */
public record HotspotFormed(String eventId, AppealRef appeal, int version, Instant occurredAt, String actor,
                            AppealStatus status, String hotspotId, String category, String street,
                            List<String> appealIds) implements AppealEvent {

    public static final String TYPE = "gov.appeals.HotspotFormed.v1";

    public HotspotFormed {
        appealIds = appealIds == null ? List.of() : List.copyOf(appealIds);
    }

    @Override
    public String department() {
        return null;
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
