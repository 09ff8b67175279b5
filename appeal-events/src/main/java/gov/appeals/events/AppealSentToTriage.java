package gov.appeals.events;

import java.time.Instant;

/**
 * No routing rule covered the appeal, so it waits in the triage queue (兜底) of {@code department} (区经委), whose
 * decision is final. feedback-service also sends an appeal there after its third dissatisfied rating.
 *
 * @param supervisorFlag the appeal needs a supervisor's attention (rated dissatisfied three times), not only a lead
 */
public record AppealSentToTriage(String eventId, AppealRef appeal, int version, Instant occurredAt, String actor,
                                 String department, String reason, Deadlines deadlines,
                                 boolean supervisorFlag) implements AppealEvent {

    public static final String TYPE = "gov.appeals.AppealSentToTriage.v1";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public AppealStatus status() {
        return AppealStatus.TRIAGE;
    }
}
