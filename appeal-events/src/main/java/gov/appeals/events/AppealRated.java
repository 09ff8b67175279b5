package gov.appeals.events;

import java.time.Instant;

/**
 * The enterprise rated the handling (回访). The status does not change here: feedback-service decides whether the
 * rating closes or reopens the appeal and says so with {@link AppealClosed} or {@link AppealReopened}.
 *
 * @param resolved whether the enterprise confirmed its problem resolved (解决率), null when it did not say
 */
public record AppealRated(String eventId, AppealRef appeal, int version, Instant occurredAt, String actor,
                          Rating rating, Boolean resolved, String comment) implements AppealEvent {

    public static final String TYPE = "gov.appeals.AppealRated.v1";

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
        return AppealStatus.RESPONDED;
    }
}
