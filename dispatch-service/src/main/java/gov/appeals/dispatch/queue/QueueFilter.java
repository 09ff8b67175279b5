package gov.appeals.dispatch.queue;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;

import gov.appeals.events.AppealStatus;
import gov.appeals.events.Source;
import gov.appeals.events.Urgency;

/**
 * Which appeals of a unit's queue a member of staff wants to see; every part optional (null: no restriction), all
 * of them must hold. The same filter serves a queue page, the store's query before the in-memory queues are loaded,
 * and the live stream, so that each answers alike.
 *
 * @param statuses      the open statuses wanted, null for every open one
 * @param text          a piece of the title, the number or the enterprise's name, in any case
 * @param signedBy      only what this member of staff signed for
 * @param dueSoonWithin how near a deadline must be for the appeal to be due soon
 */
public record QueueFilter(Set<AppealStatus> statuses, QueueRole role, Urgency urgency, Due due, String category,
                          String street, Source source, String text, String signedBy, Duration dueSoonWithin) {

    /** How near the next deadline is. */
    public enum Due {
        /** Not overdue yet, the deadline within {@link #dueSoonWithin()}. */
        SOON,
        /** The next deadline is past. */
        OVERDUE
    }

    public static final QueueFilter NONE =
            new QueueFilter(null, null, null, null, null, null, null, null, null, Duration.ZERO);

    public QueueFilter {
        statuses = statuses == null ? null : Set.copyOf(statuses);
        text = text == null ? null : text.toLowerCase(Locale.ROOT);
    }

    /** Whether every appeal of the queue passes: then a page needs no walk beyond itself. */
    public boolean isEmpty() {
        return statuses == null && role == null && urgency == null && due == null && category == null
                && street == null && source == null && text == null && signedBy == null;
    }

    /** The earliest next deadline that can pass at {@code now}, null when any can. */
    public Instant deadlineFrom(Instant now) {
        return due == Due.SOON ? now : null;
    }

    /** The deadline every one that passes at {@code now} is before ({@link Due#OVERDUE}) or not after, or null. */
    public Instant deadlineUntil(Instant now) {
        if (due == Due.OVERDUE) {
            return now;
        }
        return due == Due.SOON ? now.plus(dueSoonWithin) : null;
    }

    /** Whether {@code item}, in {@code unit}'s queue as {@code role}, passes at {@code now}. */
    public boolean matches(OpenWork.Item item, QueueRole itemRole, Instant now) {
        return (statuses == null || statuses.contains(item.status()))
                && (role == null || role == itemRole)
                && (urgency == null || urgency == item.facts().urgency())
                && (category == null || category.equals(item.facts().category()))
                && (street == null || street.equals(item.facts().street()))
                && (source == null || source == item.facts().source())
                && (signedBy == null || signedBy.equals(item.signedBy()))
                && (due == null || isDue(item.nextDeadline(), now))
                && (text == null || item.facts().searchText().contains(text));
    }

    private boolean isDue(Instant deadline, Instant now) {
        if (deadline == null) {
            return false;
        }
        boolean overdue = deadline.isBefore(now);
        return due == Due.OVERDUE ? overdue : !overdue && !deadline.isAfter(now.plus(dueSoonWithin));
    }
}
