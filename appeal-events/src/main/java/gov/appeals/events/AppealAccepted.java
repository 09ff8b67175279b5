package gov.appeals.events;

import java.time.Instant;

/**
 * Intake accepted (受理) an appeal: validated, de-duplicated, numbered, classified, deadlines computed.
 *
 * @param keyEnterprise whether the source says the enterprise is a key one (重点企业/服务包); null when it did not say
 * @param category the category code intake classified it into, or null when nothing matched (goes to triage)
 */
public record AppealAccepted(String eventId, AppealRef appeal, int version, Instant occurredAt, String actor,
                             Enterprise enterprise, String street, String title, String content, String category,
                             Urgency urgency, Deadlines deadlines,
                             Boolean keyEnterprise) implements AppealEvent {

    public static final String TYPE = "gov.appeals.AppealAccepted.v1";

    @Override
    public String department() {
        return null;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public AppealStatus status() {
        return AppealStatus.ACCEPTED;
    }
}
