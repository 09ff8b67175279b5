package gov.appeals.notification.delivery;

import java.time.Instant;

import gov.appeals.events.AppealEvent;
import gov.appeals.events.Source;
import gov.appeals.notification.callback.StatusCallbacks;
import gov.appeals.notification.notice.Notice;

/**
 * The ledger's {@code CALLBACK} notices, one per event of every appeal (recipient {@code 12345}, topic the stage):
 * claimed before a callback's first attempt and settled SENT with 12345's answer, or written SUPPRESSED at once for
 * an event 12345 does not hear of. Being one per event, the notice is also what keeps an event from being handled
 * twice.
 */
public final class CallbackNotices {

    /** The recipient of every callback notice: the 12345 system. */
    public static final String HOTLINE = "12345";

    private static final String ANSWERED = "HTTP ";

    private CallbackNotices() {
    }

    /** The notice of a callback about to be sent. */
    public static Notice pending(AppealEvent event, Instant now) {
        String stage = StatusCallbacks.stage(event);
        return Notice.pending(event, Notice.Channel.CALLBACK, HOTLINE, stage, summary(event, stage), now);
    }

    /** The notice of an event 12345 is not told of, settled as it is written. */
    public static Notice skipped(AppealEvent event, Instant now) {
        String stage = StatusCallbacks.stage(event);
        String why = event.appeal().source() == Source.HOTLINE_12345 ? "12345 is not told of this event"
                : "the appeal did not come in through 12345";
        return Notice.suppressed(event, Notice.Channel.CALLBACK, HOTLINE, stage, summary(event, stage), now, why);
    }

    /** The outcome of a confirmed callback, which {@link #httpStatus} reads back. */
    public static String answered(int httpStatus) {
        return ANSWERED + httpStatus;
    }

    /** @return the status 12345 answered, read from a confirmed callback's outcome */
    static Integer httpStatus(String outcome) {
        return outcome == null || !outcome.startsWith(ANSWERED) ? null
                : Integer.valueOf(outcome.substring(ANSWERED.length()));
    }

    private static String summary(AppealEvent event, String stage) {
        return stage + " " + event.appeal().number();
    }
}
