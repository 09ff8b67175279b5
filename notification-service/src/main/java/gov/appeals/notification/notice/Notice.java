package gov.appeals.notification.notice;

import java.time.Instant;

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
 */
public record Notice(String id, String appealId, String eventId, Channel channel, String recipient, String topic,
                     String summary, State state, int attempts, Instant createdAt, Instant notBefore, Instant settledAt,
                     String outcome) {

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
        /** Not sent on purpose: the recipient's preferences turn this channel off for it. */
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
                summary, State.PENDING, 0, now, null, null, null);
    }

    /** A notice to send at {@code notBefore}, not now. */
    public static Notice deferred(String appealId, String eventId, Channel channel, String recipient, String topic,
                                  String summary, Instant now, Instant notBefore) {
        return new Notice(idOf(eventId, channel, recipient, topic), appealId, eventId, channel, recipient, topic,
                summary, State.DEFERRED, 0, now, notBefore, null, null);
    }
}
