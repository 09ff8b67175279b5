package gov.appeals.notification.callback;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import gov.appeals.events.AppealAccepted;
import gov.appeals.events.AppealAssigned;
import gov.appeals.events.AppealClosed;
import gov.appeals.events.AppealEvent;
import gov.appeals.events.AppealRated;
import gov.appeals.events.AppealReopened;
import gov.appeals.events.AppealResponded;
import gov.appeals.events.AppealSentToTriage;
import gov.appeals.events.AppealSigned;
import gov.appeals.events.AppealStatus;
import gov.appeals.events.Source;

/** Decides which events the 12345 system hears about and what it is told. */
public final class StatusCallbacks {

    private StatusCallbacks() {
    }

    /** Only appeals that came in through the hotline are called back; the other channels have their own replies. */
    public static boolean concernsHotline(AppealEvent event) {
        return event.appeal().source() == Source.HOTLINE_12345;
    }

    /** 12345 speaks for the enterprise: it hears which department acted, never which member of its staff. */
    public static StatusCallback of(AppealEvent event) {
        return new StatusCallback(event.eventId(), event.type(), event.appealId(), event.appeal().number(),
                event.appeal().externalId(), event.status(), stage(event), event.occurredAt(), event.version(),
                event.department(), event.department() == null ? event.actor() : null, detail(event));
    }

    /**
     * A rating leaves the status at RESPONDED (feedback-service closes or reopens afterwards), yet 12345 operators
     * must see that the enterprise has rated, so it gets a stage of its own.
     */
    static String stage(AppealEvent event) {
        if (event instanceof AppealRated) {
            return "已评价";
        }
        return label(event.status());
    }

    private static String label(AppealStatus status) {
        return switch (status) {
            case RECEIVED -> "已接收";
            case ACCEPTED -> "已受理";
            case REJECTED -> "不予受理";
            case TRIAGE -> "待甄别";
            case ASSIGNED -> "已分派";
            case SIGNED -> "已签收";
            case RESPONDED -> "已反馈";
            case REOPENED -> "重办";
            case CLOSED -> "已办结";
        };
    }

    private static Map<String, Object> detail(AppealEvent event) {
        // LinkedHashMap: the JSON keeps a stable, readable field order; values may be null (no such clock).
        Map<String, Object> detail = new LinkedHashMap<>();
        if (event instanceof AppealAccepted accepted) {
            detail.put("deadlines", accepted.deadlines());
        } else if (event instanceof AppealAssigned assigned) {
            detail.put("leadDepartment", assigned.department());
            detail.put("coHandlers", assigned.coHandlers());
            detail.put("deadlines", assigned.deadlines());
        } else if (event instanceof AppealSentToTriage triage) {
            detail.put("reason", triage.reason());
            detail.put("deadlines", triage.deadlines());
        } else if (event instanceof AppealSigned signed) {
            detail.put("withinDeadline", signed.withinDeadline());
        } else if (event instanceof AppealResponded responded) {
            detail.put("result", responded.result());
            detail.put("text", responded.text());
        } else if (event instanceof AppealRated rated) {
            detail.put("rating", rated.rating());
            detail.put("resolved", rated.resolved());
        } else if (event instanceof AppealReopened reopened) {
            detail.put("reason", reopened.reason());
            detail.put("deadlines", reopened.deadlines());
        } else if (event instanceof AppealClosed closed) {
            detail.put("reason", closed.reason());
        }
        return Collections.unmodifiableMap(detail);
    }
}
