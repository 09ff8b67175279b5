package gov.appeals.notification.callback;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import gov.appeals.events.AppealAccepted;
import gov.appeals.events.AppealAssigned;
import gov.appeals.events.AppealClosed;
import gov.appeals.events.AppealDueSoon;
import gov.appeals.events.AppealOverdue;
import gov.appeals.events.ExtensionDecided;
import gov.appeals.events.AppealEvent;
import gov.appeals.events.AppealRated;
import gov.appeals.events.AppealReopened;
import gov.appeals.events.AppealResponded;
import gov.appeals.events.AppealReturned;
import gov.appeals.events.AppealSentToTriage;
import gov.appeals.events.AppealSigned;
import gov.appeals.events.AppealStatus;
import gov.appeals.events.Source;

/** Decides which events the 12345 system hears about and what it is told. */
public final class StatusCallbacks {

    private StatusCallbacks() {
    }

    /**
     * Only appeals that came in through the hotline are called back; the other channels have their own replies.
     * Of the notes on a stage, 12345 hears what its operators answer callers about: a clock due soon or overdue,
     * an approved extension (the new deadline). Supervision orders, extension requests and refusals and hotspots
     * are the district's internal business.
     */
    public static boolean concernsHotline(AppealEvent event) {
        if (event.appeal().source() != Source.HOTLINE_12345) {
            return false;
        }
        return event.isStageChange() || event instanceof AppealDueSoon || event instanceof AppealOverdue
                || event instanceof ExtensionDecided decided && decided.approved();
    }

    /** 12345 speaks for the enterprise: it hears which department acted, never which member of its staff. */
    public static StatusCallback of(AppealEvent event) {
        return of(event, null, null);
    }

    /**
     * @param lead     the department leading the appeal at this event (see {@link #leadAfter}), null when none
     * @param leadName its name
     */
    public static StatusCallback of(AppealEvent event, String lead, String leadName) {
        return new StatusCallback(event.eventId(), event.type(), event.appealId(), event.appeal().number(),
                event.appeal().externalId(), event.status(), stage(event), event.occurredAt(), event.version(),
                event.department(), event.department() == null ? event.actor() : null, detail(event), lead,
                leadName);
    }

    /** Whether {@link #leadAfter} names a lead of the event's own, whoever led before. */
    public static boolean movesLead(AppealEvent event) {
        return event instanceof AppealAssigned || event instanceof AppealSentToTriage
                || event instanceof AppealReturned;
    }

    /**
     * Who leads the appeal once {@code event} happened, given who led it before: an assignment (or transfer) names
     * the new lead; triage and a return take the appeal from its lead; anything else leaves the lead as it was.
     */
    public static String leadAfter(AppealEvent event, String before) {
        if (event instanceof AppealAssigned assigned) {
            return assigned.department();
        }
        if (event instanceof AppealSentToTriage || event instanceof AppealReturned) {
            return null;
        }
        return before;
    }

    /**
     * A rating leaves the status at RESPONDED (feedback-service closes or reopens afterwards), yet 12345 operators
     * must see that the enterprise has rated, so it gets a stage of its own.
     */
    public static String stage(AppealEvent event) {
        if (event instanceof AppealRated) {
            return "已评价";
        }
        if (event instanceof AppealDueSoon) {
            return "临期";
        }
        if (event instanceof AppealOverdue) {
            return "超期";
        }
        if (event instanceof ExtensionDecided) {
            return "延期";
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
            case RETURNED -> "退单";
        };
    }

    private static Map<String, Object> detail(AppealEvent event) {
        // LinkedHashMap: the JSON keeps a stable, readable field order; values may be null (no such clock).
        Map<String, Object> detail = new LinkedHashMap<>();
        if (event instanceof AppealAccepted accepted) {
            detail.put("deadlines", accepted.deadlines());
            if (accepted.repeatOf() != null) {
                // 重复件: the hotline links its work orders too, so it is told which appeal this one repeats.
                detail.put("repeatOf", accepted.repeatOf());
            }
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
        } else if (event instanceof AppealDueSoon dueSoon) {
            detail.put("clock", dueSoon.clock());
            detail.put("deadline", dueSoon.deadline());
        } else if (event instanceof AppealOverdue overdue) {
            detail.put("clock", overdue.clock());
            detail.put("deadline", overdue.deadline());
        } else if (event instanceof ExtensionDecided decided) {
            detail.put("deadlines", decided.deadlines());
        }
        return Collections.unmodifiableMap(detail);
    }
}
