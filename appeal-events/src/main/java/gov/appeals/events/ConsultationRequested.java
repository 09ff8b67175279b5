package gov.appeals.events;

import java.time.Instant;
import java.util.List;

/**
 * The triage unit asked departments whether an appeal is theirs (征询) before deciding who leads. A note on the
 * current stage.
 *
 * @param department  the triage unit that asks
 * @param departments the departments asked
 */
public record ConsultationRequested(String eventId, AppealRef appeal, int version, Instant occurredAt, String actor,
                                    String department, AppealStatus status, String consultationId,
                                    List<String> departments, String question) implements AppealEvent {

    public static final String TYPE = "gov.appeals.ConsultationRequested.v1";

    public ConsultationRequested {
        departments = departments == null ? List.of() : List.copyOf(departments);
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
