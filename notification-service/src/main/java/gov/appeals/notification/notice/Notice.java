package gov.appeals.notification.notice;

import java.time.Instant;
import java.util.Optional;

import gov.appeals.events.AppealEvent;
import gov.appeals.events.AppealNotified;
import gov.appeals.events.AppealRef;
import gov.appeals.events.AppealStatus;

/**
 * One message to one recipient on one channel about one event of an appeal, and what became of it. Its id is the
 * event id, the channel, the recipient and the topic together: a redelivered event, a restart, a rebalance or a second instance
 * of the service finds the notice already there and does not send it again. A notice is written PENDING before the
 * message goes out and settled after, so a crash in between leaves a PENDING notice for recovery to look at.
 *
 * @param topic      which message of the event it is, when one event sends several to one recipient (an answer's
 *                   result and the rating invitation); e.g. the template name
 * @param recipient  who it is for, as shown to staff: a unit code, a user, the 12345 system, or a masked phone
 *                   number or address (never a full phone number)
 * @param summary    what was said, in a line (template name and the appeal number, or the stage)
 * @param notBefore  when a DEFERRED notice may go out (quiet hours), null otherwise
 * @param settledAt  when it was sent, failed or suppressed; null while pending
 * @param outcome    what the receiver answered, or why it failed or was suppressed
 * @param appeal     the appeal, and {@code version}/{@code status}/{@code type} those of the event the message is
 *                   about: kept on the notices an {@link #announcement} is made of, and on the callback notices
 *                   {@code GET /api/v1/deliveries} is read from (null on a notice about no event, e.g. a digest)
 */
public record Notice(String id, String appealId, String eventId, Channel channel, String recipient, String topic,
                     String summary, State state, int attempts, Instant createdAt, Instant notBefore, Instant settledAt,
                     String outcome, AppealRef appeal, Integer version, AppealStatus status, String type) {

    /** Where an announcement of a settled notice comes from. */
    public static final String ACTOR = "system:notification-service";

    public enum Channel {
        /** The 12345 system's status callback. */
        CALLBACK,
        /** A text message to the enterprise's contact. */
        SMS,
        /** An e-mail to staff or supervisors. */
        EMAIL,
        /** An item in staff's in-app inbox. */
        INBOX
    }

    public enum State {
        /** Claimed: being sent now, or the service stopped while sending it. */
        PENDING,
        /** Waiting for {@code notBefore} (e.g. no SMS in quiet hours). */
        DEFERRED,
        /** The receiver confirmed it. */
        SENT,
        /** It can never be sent (refused for good, or given up on); an operator can replay it. */
        FAILED,
        /**
         * Not sent on purpose: the recipient's preferences turn this channel off for it, or (a callback) nobody at
         * 12345 waits for this event.
         */
        SUPPRESSED;

        public boolean settled() {
            return this == SENT || this == FAILED || this == SUPPRESSED;
        }
    }

    /** The id that makes a notice unique per event, channel, recipient and topic. */
    public static String idOf(String eventId, Channel channel, String recipient, String topic) {
        return eventId + "|" + channel + "|" + recipient + "|" + topic;
    }

    /** A notice about to be sent now. */
    public static Notice pending(String appealId, String eventId, Channel channel, String recipient, String topic,
                                 String summary, Instant now) {
        return new Notice(idOf(eventId, channel, recipient, topic), appealId, eventId, channel, recipient, topic,
                summary, State.PENDING, 0, now, null, null, null, null, null, null, null);
    }

    /** A notice to send at {@code notBefore}, not now. */
    public static Notice deferred(String appealId, String eventId, Channel channel, String recipient, String topic,
                                  String summary, Instant now, Instant notBefore) {
        return new Notice(idOf(eventId, channel, recipient, topic), appealId, eventId, channel, recipient, topic,
                summary, State.DEFERRED, 0, now, notBefore, null, null, null, null, null, null);
    }

    /** A notice about {@code event}, about to be sent now; announced on the appeal's timeline once settled. */
    public static Notice pending(AppealEvent event, Channel channel, String recipient, String topic, String summary,
                                 Instant now) {
        return about(event, pending(event.appealId(), event.eventId(), channel, recipient, topic, summary, now));
    }

    /** A notice about {@code event} to send at {@code notBefore}; announced on the appeal's timeline once settled. */
    public static Notice deferred(AppealEvent event, Channel channel, String recipient, String topic, String summary,
                                  Instant now, Instant notBefore) {
        return about(event, deferred(event.appealId(), event.eventId(), channel, recipient, topic, summary, now,
                notBefore));
    }

    /**
     * A notice about {@code event} not sent on purpose, settled as it is written: nobody is told, so the appeal's
     * timeline is not either.
     */
    public static Notice suppressed(AppealEvent event, Channel channel, String recipient, String topic,
                                    String summary, Instant now, String why) {
        Notice n = pending(event, channel, recipient, topic, summary, now);
        return new Notice(n.id, n.appealId, n.eventId, n.channel, n.recipient, n.topic, n.summary, State.SUPPRESSED,
                n.attempts, n.createdAt, n.notBefore, now, why, n.appeal, n.version, n.status, n.type);
    }

    private static Notice about(AppealEvent event, Notice n) {
        return new Notice(n.id, n.appealId, n.eventId, n.channel, n.recipient, n.topic, n.summary, n.state,
                n.attempts, n.createdAt, n.notBefore, n.settledAt, n.outcome, event.appeal(), event.version(),
                event.status(), event.type());
    }

    /**
     * What the appeal's timeline is told when this notice is settled: only messages to the outside — 12345's
     * callback, the enterprise's SMS — and only for a notice that knows its appeal.
     */
    public Optional<AppealNotified> announcement(State settled, Instant at, String why, String announcementId) {
        if (appeal == null || version == null || status == null
                || channel != Channel.CALLBACK && channel != Channel.SMS) {
            return Optional.empty();
        }
        return Optional.of(new AppealNotified(announcementId, appeal, version, at, ACTOR, status, eventId,
                channel.name(), recipient, topic, settled.name(), why));
    }
}
