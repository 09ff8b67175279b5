package gov.appeals.notification.inbox;

import java.time.Instant;

/**
 * One item of a unit's in-app inbox: what staff of {@code unit} are told about one event of an appeal. Its id is the
 * event id, the unit and the kind together ({@code <eventId>|<unit>|<kind>}): an event delivered twice adds nothing.
 *
 * @param number the appeal's number (e.g. {@code QS-20261122-000123}), null when the event did not carry it
 * @param kind   what it is about ({@link Kind}), also the topic of its notice in the ledger
 * @param text   the line staff read, in Chinese
 * @param at     when the event happened
 */
public record InboxItem(String id, String eventId, String appealId, String number, String unit, Kind kind,
                        String text, Instant at) {

    /** What an item is about. */
    public enum Kind {
        /** 新分派: the unit leads a newly assigned appeal. */
        ASSIGNED,
        /** 协办: the unit co-handles it. */
        CO_HANDLING,
        /** 待分拨: an appeal waits in the triage queue. */
        TRIAGE,
        /** 临期: a clock of the unit's appeal runs out soon. */
        DUE_SOON,
        /** 超期: a clock ran out. */
        OVERDUE,
        /** 督办: a supervision order was raised. */
        SUPERVISION,
        /** 延期: an extension the unit asked for was decided. */
        EXTENSION,
        /** 征询: the triage desk asks whether an appeal is the unit's. */
        CONSULTATION,
        /** 重办: the enterprise was dissatisfied, the appeal is back. */
        REOPENED
    }

    public static String idOf(String eventId, String unit, Kind kind) {
        return eventId + "|" + unit + "|" + kind;
    }

    public static InboxItem of(String eventId, String appealId, String number, String unit, Kind kind, String text,
                               Instant at) {
        return new InboxItem(idOf(eventId, unit, kind), eventId, appealId, number, unit, kind, text, at);
    }
}
