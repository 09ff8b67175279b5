package gov.appeals.events;

import java.time.Instant;

/** The lead department answered (反馈); the answer goes back to the enterprise and the 12345 system. */
public record AppealResponded(String eventId, AppealRef appeal, int version, Instant occurredAt, String actor,
                              String department, AnswerResult result, String text, boolean withinDeadline)
        implements AppealEvent {

    public static final String TYPE = "gov.appeals.AppealResponded.v1";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public AppealStatus status() {
        return AppealStatus.RESPONDED;
    }
}
