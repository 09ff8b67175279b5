package gov.appeals.events;

import java.time.Instant;

/**
 * notification-service told someone outside the district about the appeal — 12345 by its status callback, the
 * enterprise's contact by SMS — or gave up, or did not on purpose. A note on the stage the message was about, so that
 * the appeal's timeline shows who was told what, and when. Staff e-mail and inbox items are not announced: they are
 * the district's own business (see {@code GET /api/v1/appeals/{id}/notifications}).
 *
 * @param status    the status of the stage the message was about
 * @param about     the id of the event the message was about
 * @param channel   {@code CALLBACK} or {@code SMS}
 * @param recipient who: {@code 12345}, or the contact's masked phone number
 * @param message   which message: the stage (已受理 …) of a callback, the template of an SMS (not {@code topic}: that
 *                  names the Kafka topic of every event)
 * @param state     {@code SENT}, {@code FAILED} or {@code SUPPRESSED}
 * @param outcome   what the receiver answered, or why it failed or was suppressed
 */
public record AppealNotified(String eventId, AppealRef appeal, int version, Instant occurredAt, String actor,
                             AppealStatus status, String about, String channel, String recipient, String message,
                             String state, String outcome) implements AppealEvent {

    public static final String TYPE = "gov.appeals.AppealNotified.v1";

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
