package gov.appeals.notification.inbox;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import gov.appeals.events.AppealAccepted;
import gov.appeals.events.AppealAssigned;
import gov.appeals.events.AppealDueSoon;
import gov.appeals.events.AppealEvent;
import gov.appeals.events.AppealOverdue;
import gov.appeals.events.AppealReopened;
import gov.appeals.events.AppealSentToTriage;
import gov.appeals.events.ClockKind;
import gov.appeals.events.ConsultationRequested;
import gov.appeals.events.ExtensionDecided;
import gov.appeals.events.SupervisionOrderRaised;
import gov.appeals.notification.inbox.InboxItem.Kind;

/**
 * Which units' inboxes an event puts an item in, and what it says:
 * <ul>
 *   <li>{@code AppealAssigned}: the lead (新分派) and each co-handler (协办);</li>
 *   <li>{@code AppealSentToTriage}: the triage unit (待分拨);</li>
 *   <li>{@code AppealDueSoon}: the lead (临期); {@code AppealOverdue}: the lead and {@link InboxUnits#SUPERVISORS}
 *       (超期);</li>
 *   <li>{@code SupervisionOrderRaised}: the department it is addressed to, and the unit it is escalated to (督办);</li>
 *   <li>{@code ExtensionDecided}: the department that asked (延期);</li>
 *   <li>{@code ConsultationRequested}: each department consulted (征询);</li>
 *   <li>{@code AppealReopened}: the lead (重办).</li>
 * </ul>
 * {@code AppealReturned} puts none: dispatch re-routes a returned appeal at once, and the {@code AppealAssigned} or
 * {@code AppealSentToTriage} that follows tells the unit that has it next (the returned event names no next unit).
 * Every other event puts none either.
 */
public final class InboxItems {

    private static final ZoneId DISTRICT = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(DISTRICT);

    private InboxItems() {
    }

    /** What the inbox knows of the appeal once {@code event} happened ({@code known} before it). */
    public static AppealFacts remember(AppealEvent event, AppealFacts known) {
        if (event instanceof AppealAccepted accepted) {
            return new AppealFacts(event.appealId(), accepted.title(), known.lead());
        }
        if (event instanceof AppealAssigned assigned) {
            return new AppealFacts(event.appealId(), known.title(), assigned.department());
        }
        return known;
    }

    /**
     * Whether the event can matter to any inbox, judged by its type alone: it teaches the appeal's facts or may put
     * items in inboxes. Any other (a rating, a signing, the service's own {@code AppealNotified} notes …) is left
     * before the store is asked anything.
     */
    public static boolean concerns(AppealEvent event) {
        return teaches(event) || event instanceof AppealSentToTriage || event instanceof AppealDueSoon
                || event instanceof AppealOverdue || event instanceof SupervisionOrderRaised
                || event instanceof ExtensionDecided || event instanceof ConsultationRequested
                || event instanceof AppealReopened;
    }

    /** Whether {@link #remember} learns anything from this event (so that it is worth storing). */
    public static boolean teaches(AppealEvent event) {
        return event instanceof AppealAccepted || event instanceof AppealAssigned;
    }

    /**
     * @param known      what the inbox knew of the appeal before the event (title, lead)
     * @param triageUnit the triage unit of the reference data, for a triage event that names none
     * @return the event's items, at most one per unit and kind; empty when the event concerns no inbox
     */
    public static List<InboxItem> of(AppealEvent event, AppealFacts known, String triageUnit) {
        String appeal = label(event, known);
        List<InboxItem> items = new ArrayList<>();
        if (event instanceof AppealAssigned e) {
            add(items, e, e.department(), Kind.ASSIGNED, "新分派：" + appeal + "，由本单位主办"
                    + (e.deadlines() != null && e.deadlines().answerBy() != null
                    ? "，" + at(e.deadlines().answerBy()) + "前答复" : ""));
            for (String coHandler : new LinkedHashSet<>(e.coHandlers())) {
                if (!coHandler.equals(e.department())) {
                    add(items, e, coHandler, Kind.CO_HANDLING,
                            "协办：" + appeal + "，" + e.department() + "主办，本单位协办");
                }
            }
        } else if (event instanceof AppealSentToTriage e) {
            add(items, e, e.department() == null ? triageUnit : e.department(), Kind.TRIAGE,
                    (e.supervisorFlag() ? "待分拨（需督查关注）：" : "待分拨：") + appeal
                            + (blank(e.reason()) ? "" : "，" + e.reason()));
        } else if (event instanceof AppealDueSoon e) {
            add(items, e, e.department(), Kind.DUE_SOON,
                    "临期：" + appeal + "，" + clock(e.clock()) + "将于" + at(e.deadline()) + "到期");
        } else if (event instanceof AppealOverdue e) {
            String text = "超期：" + appeal + "，" + clock(e.clock()) + "已于" + at(e.deadline()) + "到期";
            add(items, e, e.department(), Kind.OVERDUE, text);
            add(items, e, InboxUnits.SUPERVISORS, Kind.OVERDUE,
                    e.department() == null ? text : text + "（" + e.department() + "）");
        } else if (event instanceof SupervisionOrderRaised e) {
            String text = "督办：" + appeal + (blank(e.comment()) ? "" : "，" + e.comment())
                    + (e.dueBy() == null ? "" : "，" + at(e.dueBy()) + "前办结");
            add(items, e, e.department(), Kind.SUPERVISION, text);
            if (e.escalatedTo() != null && !e.escalatedTo().equals(e.department())) {
                add(items, e, e.escalatedTo(), Kind.SUPERVISION, text);
            }
        } else if (event instanceof ExtensionDecided e) {
            add(items, e, e.department(), Kind.EXTENSION, (e.approved() ? "延期已批准：" : "延期未批准：") + appeal
                    + (e.approved() && e.deadlines() != null && e.deadlines().answerBy() != null
                    ? "，答复期限延至" + at(e.deadlines().answerBy()) : "")
                    + (blank(e.comment()) ? "" : "，" + e.comment()));
        } else if (event instanceof ConsultationRequested e) {
            for (String department : new LinkedHashSet<>(e.departments())) {
                add(items, e, department, Kind.CONSULTATION,
                        "征询：" + appeal + (blank(e.question()) ? "" : "，" + e.question()));
            }
        } else if (event instanceof AppealReopened e) {
            add(items, e, e.department() != null ? e.department() : known.lead(), Kind.REOPENED,
                    "重办：" + appeal + "，企业不满意" + (blank(e.reason()) ? "" : "：" + e.reason()));
        }
        // Anything else, AppealReturned included (see the class comment), is no inbox matter.
        return List.copyOf(items);
    }

    private static void add(List<InboxItem> items, AppealEvent event, String unit, Kind kind, String text) {
        if (unit == null || unit.isBlank()) {
            return;
        }
        items.add(InboxItem.of(event.eventId(), event.appealId(), event.appeal().number(), unit, kind, text,
                event.occurredAt()));
    }

    private static String label(AppealEvent event, AppealFacts known) {
        String number = event.appeal().number() == null ? event.appealId() : event.appeal().number();
        String title = event instanceof AppealAccepted accepted ? accepted.title() : known.title();
        return title == null || title.isBlank() ? number : number + "「" + title + "」";
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private static String at(Instant instant) {
        return MINUTE.format(instant);
    }

    private static String clock(ClockKind clock) {
        if (clock == null) {
            return "办理时限";
        }
        return switch (clock) {
            case SIGN_FOR -> "签收时限";
            case FIRST_CONTACT -> "首次联系时限";
            case ANSWER -> "答复时限";
        };
    }

    /** The units among {@code units} an item is for: whether a user reading those units may see it. */
    public static boolean visible(InboxItem item, Set<String> units) {
        return units.contains(item.unit());
    }
}
