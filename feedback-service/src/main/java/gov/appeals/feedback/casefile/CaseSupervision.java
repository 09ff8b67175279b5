package gov.appeals.feedback.casefile;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import gov.appeals.events.AppealClosed;
import gov.appeals.events.AppealClosed.ClosureReason;
import gov.appeals.events.AppealDueSoon;
import gov.appeals.events.AppealEvent;
import gov.appeals.events.AppealOverdue;
import gov.appeals.events.AppealStatus;
import gov.appeals.events.ClockKind;
import gov.appeals.events.Deadlines;
import gov.appeals.events.ExtensionDecided;
import gov.appeals.events.ExtensionRequested;
import gov.appeals.events.HotspotFormed;
import gov.appeals.events.SupervisionOrderClosed;
import gov.appeals.events.SupervisionOrderRaised;
import gov.appeals.events.SupervisionOrderRaised.Trigger;
import gov.appeals.reference.calendar.WorkingCalendar;

/**
 * What supervision does to a case (督办): alarms that fire when clocks run out, supervision orders, extensions.
 * Each step returns the changed case and its events, which the caller stores in one guarded write: two instances
 * firing the same alarm both decide, one write wins, the other rereads the case and finds the alarm fired.
 */
public final class CaseSupervision {

    private CaseSupervision() {
    }

    /**
     * Fires every alarm of the case that is due at {@code now}: due soon (临期) and overdue (超期) once per deadline,
     * an automatic supervision order with the first overdue while none is open, and the unrated closure when the
     * callback window passed without a rating. A clock already overdue is not announced as due soon as well.
     */
    public static CaseChange fire(CaseFile file, Instant now, SupervisionRules rules, Supplier<String> ids) {
        CaseFile next = file;
        List<AppealEvent> events = new ArrayList<>();
        List<ClockAlarms.Alarm> pending = ClockAlarms.pending(file, rules);
        for (ClockAlarms.Alarm alarm : pending) {
            if (now.isBefore(alarm.at()) || alarm.kind() == ClockAlarms.Kind.OVERDUE && !now.isAfter(alarm.at())) {
                continue;
            }
            boolean overdueToo = alarm.kind() == ClockAlarms.Kind.DUE_SOON && now.isAfter(alarm.deadline());
            next = next.withSupervision(next.supervision().firing(alarm.key()));
            if (overdueToo) {
                continue;
            }
            String id = ids.get();
            switch (alarm.kind()) {
                case DUE_SOON -> events.add(new AppealDueSoon(id, next.appeal(), next.version(), now, CaseFile.ACTOR,
                        next.lead(), next.status(), alarm.clock(), alarm.deadline()));
                case OVERDUE -> {
                    events.add(new AppealOverdue(id, next.appeal(), next.version(), now, CaseFile.ACTOR, next.lead(),
                            next.status(), alarm.clock(), alarm.deadline()));
                    if (next.supervision().openOrder().isEmpty()) {
                        String comment = "超期: the " + alarm.clock().name().toLowerCase().replace('_', '-')
                                + " deadline passed without " + (alarm.clock() == ClockKind.SIGN_FOR
                                ? "a signature" : "an answer");
                        CaseChange raised = raise(next, Trigger.OVERDUE, comment, CaseFile.ACTOR, now, rules, ids.get());
                        next = raised.file();
                        events.addAll(raised.events());
                    }
                }
                case RATING_WINDOW -> {
                    int version = next.version() + 1;
                    AppealClosed closed = new AppealClosed(id, next.appeal(), version, now, CaseFile.ACTOR,
                            next.lead(), ClosureReason.NO_RATING_IN_TIME);
                    next = next.advancedTo(AppealStatus.CLOSED, version);
                    events.add(closed);
                }
            }
            next = next.remembering(id);
        }
        return new CaseChange(next, events);
    }

    /** A supervisor raises an order by hand, with what it asks in {@code comment}. */
    public static CaseChange raiseOrder(CaseFile file, String comment, String supervisor, Instant now,
                                        SupervisionRules rules, String orderEventId) {
        if (file.lead() == null || file.status() == null || file.status() == AppealStatus.CLOSED
                || file.status() == AppealStatus.TRIAGE) {
            throw new SupervisionConflictException("Appeal " + file.appealId() + " is " + file.status()
                    + ": a supervision order goes to the lead department of an open appeal", file.status());
        }
        return raise(file, Trigger.MANUAL, comment, supervisor, now, rules, orderEventId);
    }

    private static CaseChange raise(CaseFile file, Trigger trigger, String comment, String actor, Instant now,
                                    SupervisionRules rules, String eventId) {
        Instant dueBy = rules.orderAllowance().deadlineFrom(now, rules.calendar());
        String escalatedTo = rules.isKeyEnterprise(file.supervision().profile()) ? rules.taskForce() : null;
        // The order is named after the event that raised it: a redelivered request can never raise it twice.
        SupervisionOrder order = new SupervisionOrder(eventId, file.lead(), trigger, comment, actor, now, dueBy,
                escalatedTo, null, null, null);
        SupervisionOrderRaised raised = new SupervisionOrderRaised(eventId, file.appeal(), file.version(), now, actor,
                file.lead(), file.status(), order.orderId(), trigger, comment, dueBy, escalatedTo);
        CaseFile next = file.remembering(eventId).withSupervision(file.supervision().withOrder(order));
        return new CaseChange(next, List.of(raised));
    }

    /**
     * A supervisor closes an order once the department has answered the appeal after it was raised. Closing a
     * closed order again is not an error and changes nothing.
     */
    public static CaseChange closeOrder(CaseFile file, String orderId, String comment, String supervisor,
                                        Instant now, String eventId) {
        SupervisionOrder order = file.supervision().order(orderId)
                .orElseThrow(() -> new OrderNotFoundException(orderId));
        if (!order.isOpen()) {
            return new CaseChange(file, List.of());
        }
        boolean answeredSince = file.answer() != null && !file.answer().answeredAt().isBefore(order.raisedAt());
        if (!answeredSince) {
            throw new SupervisionConflictException("Supervision order " + orderId + " stays open until "
                    + order.department() + " answers appeal " + file.appealId(), file.status());
        }
        SupervisionOrderClosed closed = new SupervisionOrderClosed(eventId, file.appeal(), file.version(), now,
                supervisor, order.department(), file.status(), orderId, comment);
        CaseFile next = file.remembering(eventId)
                .withSupervision(file.supervision().withOrder(order.closed(now, supervisor, comment)));
        return new CaseChange(next, List.of(closed));
    }

    /**
     * The lead's head asks for the answer deadline to move to the end of {@code until} (a Shanghai date), before
     * the current one passes. One request is pending at a time; the extension may reach at most
     * {@link SupervisionRules#extensionLimit()} from the clock's start (complex cases).
     *
     * @throws ExtensionNotPossibleException when too late, too far, not later than now, or one is pending
     */
    public static CaseChange requestExtension(CaseFile file, LocalDate until, String reason, String head,
                                              Instant now, SupervisionRules rules, String eventId) {
        AppealStatus status = file.status();
        if (status != AppealStatus.ASSIGNED && status != AppealStatus.SIGNED && status != AppealStatus.REOPENED
                || file.deadlines() == null || file.deadlines().answerBy() == null) {
            throw new ExtensionNotPossibleException("Appeal " + file.appealId() + " is " + status
                    + ": only an appeal being handled can be extended", status);
        }
        Instant answerBy = file.deadlines().answerBy();
        if (now.isAfter(answerBy)) {
            throw new ExtensionNotPossibleException("The answer deadline of appeal " + file.appealId() + " ("
                    + answerBy + ") has passed: an extension must be asked for before it", status);
        }
        if (file.supervision().pendingExtension().isPresent()) {
            throw new ExtensionNotPossibleException("Appeal " + file.appealId()
                    + " already has an extension request waiting for a decision", status);
        }
        Instant requested = endOf(until);
        Instant start = file.supervision().clockStart() == null ? now : file.supervision().clockStart();
        Instant limit = rules.extensionLimit().deadlineFrom(start, rules.calendar());
        if (!requested.isAfter(answerBy)) {
            throw new ExtensionDateException("until must be after the current answer deadline " + answerBy);
        }
        if (requested.isAfter(limit)) {
            throw new ExtensionDateException("until may be at most " + rules.extensionLimit() + " from "
                    + start + ", i.e. " + limit.atZone(WorkingCalendar.ZONE).toLocalDate());
        }
        Extension extension = new Extension(eventId, requested, reason, head, now, Extension.State.PENDING, null,
                null, null);
        ExtensionRequested event = new ExtensionRequested(eventId, file.appeal(), file.version(), now, head,
                file.lead(), status, extension.extensionId(), requested, reason);
        CaseFile next = file.remembering(eventId).withSupervision(file.supervision().withNewExtension(extension));
        return new CaseChange(next, List.of(event));
    }

    /**
     * A supervisor decides on a pending extension. An approval moves the answer deadline and re-arms its alarms;
     * it must come before the current deadline passes (a lapsed request can only be refused). Deciding the same
     * way again is not an error and changes nothing.
     */
    public static CaseChange decideExtension(CaseFile file, String extensionId, boolean approved, String comment,
                                             String supervisor, Instant now, String eventId) {
        Extension extension = file.supervision().extension(extensionId)
                .orElseThrow(() -> new ExtensionNotFoundException(file.appealId(), extensionId));
        if (extension.state() != Extension.State.PENDING) {
            if ((extension.state() == Extension.State.APPROVED) == approved) {
                return new CaseChange(file, List.of());
            }
            throw new ExtensionNotPossibleException("Extension " + extensionId + " was already "
                    + extension.state().name().toLowerCase(), file.status());
        }
        Deadlines current = file.deadlines();
        if (approved && (current == null || current.answerBy() == null || now.isAfter(current.answerBy())
                || file.status() == AppealStatus.RESPONDED || file.status() == AppealStatus.CLOSED)) {
            throw new ExtensionNotPossibleException("Extension " + extensionId + " lapsed: appeal "
                    + file.appealId() + " is " + file.status() + (current == null || current.answerBy() == null ? ""
                    : " and its answer deadline was " + current.answerBy()) + "; it can only be refused",
                    file.status());
        }
        Deadlines moved = approved ? new Deadlines(current.signBy(), current.firstContactBy(), extension.until())
                : null;
        ExtensionDecided event = new ExtensionDecided(eventId, file.appeal(), file.version(), now, supervisor,
                file.lead(), file.status(), extensionId, approved, comment, moved);
        CaseFile next = file.remembering(eventId).withSupervision(file.supervision()
                .withExtension(extensionId, e -> e.decided(approved, supervisor, now, comment)));
        if (approved) {
            next = next.withDeadlines(moved);
        }
        return new CaseChange(next, List.of(event));
    }

    /**
     * Notes on the case of the appeal that completed a hotspot that it did. The hotspot's id is the event's, so
     * noting it twice changes nothing.
     */
    public static CaseChange noteHotspot(CaseFile file, String hotspotId, String category, String street,
                                         List<String> appealIds, Instant now) {
        if (file.hasApplied(hotspotId)) {
            return new CaseChange(file, List.of());
        }
        HotspotFormed formed = new HotspotFormed(hotspotId, file.appeal(), file.version(), now, CaseFile.ACTOR,
                file.status(), hotspotId, category, street, appealIds);
        return new CaseChange(file.remembering(hotspotId), List.of(formed));
    }

    private static Instant endOf(LocalDate day) {
        return day.atTime(LocalTime.of(23, 59, 59)).atZone(WorkingCalendar.ZONE).toInstant();
    }
}
