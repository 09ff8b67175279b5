package gov.appeals.events;

import java.time.Instant;

/**
 * Intake accepted (受理) an appeal: validated, de-duplicated, numbered, classified, deadlines computed.
 *
 * @param keyEnterprise whether the source says the enterprise is a key one (重点企业/服务包); null when it did not say
 * @param category the category code intake classified it into, or null when the classifier was not confident
 *                 enough (goes to triage)
 * @param classification how the category was decided; null from a producer before classification was recorded
 * @param repeatOf the appeal this one repeats (重复件: the same enterprise, near-identical content, within the repeat
 *                 window), null when it repeats none
 */
public record AppealAccepted(String eventId, AppealRef appeal, int version, Instant occurredAt, String actor,
                             Enterprise enterprise, String street, String title, String content, String category,
                             Urgency urgency, Deadlines deadlines,
                             Boolean keyEnterprise, Classification classification,
                             String repeatOf) implements AppealEvent {

    public static final String TYPE = "gov.appeals.AppealAccepted.v1";

    /** An acceptance that records no classification and repeats nothing (the v1 shape before those fields). */
    public AppealAccepted(String eventId, AppealRef appeal, int version, Instant occurredAt, String actor,
                          Enterprise enterprise, String street, String title, String content, String category,
                          Urgency urgency, Deadlines deadlines, Boolean keyEnterprise) {
        this(eventId, appeal, version, occurredAt, actor, enterprise, street, title, content, category, urgency,
                deadlines, keyEnterprise, null, null);
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
    public AppealStatus status() {
        return AppealStatus.ACCEPTED;
    }
}
