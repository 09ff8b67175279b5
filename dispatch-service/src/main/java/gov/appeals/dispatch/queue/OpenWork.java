package gov.appeals.dispatch.queue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

import gov.appeals.events.AppealAssigned;
import gov.appeals.events.AppealClosed;
import gov.appeals.events.AppealEvent;
import gov.appeals.events.AppealRated;
import gov.appeals.events.AppealReopened;
import gov.appeals.events.AppealResponded;
import gov.appeals.events.AppealSentToTriage;
import gov.appeals.events.AppealSigned;
import gov.appeals.events.AppealStatus;
import gov.appeals.events.Deadlines;

/**
 * Which appeals are in which unit's queue, in queue order (nearest deadline first, then appeal id), held in memory so
 * that a queue page costs a walk of a sorted set and one read of the page's appeals by id, whatever the backlog: a
 * query over the assignments would read every one of them on mongo-java-server. Fed by every event of every appeal
 * (each instance follows the whole stream) after a snapshot of the open work; an event not newer than what is held
 * changes nothing. Answered appeals are held, in no queue, until closed, since a reopening puts them back with their
 * co-handlers.
 */
public final class OpenWork {

    /** What places an appeal in queues. */
    public record Item(String appealId, int version, AppealStatus status, String lead, List<String> coHandlers,
                       String triageUnit, Deadlines deadlines) {

        public Item {
            coHandlers = coHandlers == null ? List.of() : List.copyOf(coHandlers);
        }

        public static Item of(Assignment a) {
            return new Item(a.appealId(), a.version(), a.status(), a.lead(), a.coHandlers(), a.triageUnit(),
                    a.deadlines());
        }

        /** The units whose queue holds the appeal: none once it is answered. */
        Set<String> units() {
            if (status == AppealStatus.TRIAGE) {
                return triageUnit == null ? Set.of() : Set.of(triageUnit);
            }
            if (!Assignment.openStatuses().contains(status) || lead == null) {
                return Set.of();
            }
            Set<String> units = new LinkedHashSet<>();
            units.add(lead);
            units.addAll(coHandlers);
            return units;
        }

        /** The same rule as {@link Assignment#nextDeadline()}: sign-for until signed, then the answer. */
        Instant nextDeadline() {
            if (deadlines == null) {
                return null;
            }
            if (status == AppealStatus.SIGNED || deadlines.signBy() == null) {
                return deadlines.answerBy();
            }
            return deadlines.signBy();
        }

        Item with(AppealStatus newStatus, int newVersion, Deadlines newDeadlines) {
            return new Item(appealId, newVersion, newStatus, lead, coHandlers, triageUnit, newDeadlines);
        }
    }

    /** One page of a queue: the appeal ids in queue order, and how many the queue (or its filtered part) holds. */
    public record Slice(List<String> appealIds, long total) {
    }

    private record Slot(Instant deadline, String appealId) {
    }

    private static final Comparator<Slot> QUEUE_ORDER = Comparator
            .comparing(Slot::deadline, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(Slot::appealId);

    private final Map<String, Item> items = new HashMap<>();
    private final Map<String, NavigableSet<Slot>> queues = new HashMap<>();
    private volatile boolean loaded;

    /** Whether the snapshot of the open work is in: until then a queue must be read from the store. */
    public boolean isLoaded() {
        return loaded;
    }

    public void markLoaded() {
        loaded = true;
    }

    /** Follows an event; only a newer one than held changes anything. */
    public synchronized void apply(AppealEvent event) {
        Item held = items.get(event.appealId());
        if (held != null && held.version() >= event.version()) {
            return;
        }
        int v = event.version();
        if (event instanceof AppealAssigned a) {
            put(new Item(a.appealId(), v, AppealStatus.ASSIGNED, a.department(), a.coHandlers(),
                    held == null ? null : held.triageUnit(), a.deadlines()));
        } else if (event instanceof AppealSentToTriage t) {
            put(new Item(t.appealId(), v, AppealStatus.TRIAGE, null, List.of(), t.department(), t.deadlines()));
        } else if (event instanceof AppealReopened r) {
            Deadlines clocks = r.deadlines() != null ? r.deadlines() : held == null ? null : held.deadlines();
            put(held != null ? held.with(AppealStatus.REOPENED, v, clocks)
                    : new Item(r.appealId(), v, AppealStatus.REOPENED, r.department(), List.of(), null, clocks));
        } else if (event instanceof AppealClosed) {
            remove(event.appealId());
        } else if (held != null && event instanceof AppealSigned) {
            put(held.with(AppealStatus.SIGNED, v, held.deadlines()));
        } else if (held != null && event instanceof AppealResponded) {
            put(held.with(AppealStatus.RESPONDED, v, held.deadlines()));
        } else if (held != null && event instanceof AppealRated) {
            put(held.with(held.status(), v, held.deadlines()));
        }
    }

    /** Takes in an appeal as the store holds it (the snapshot, or a correction); an older one changes nothing. */
    public synchronized void put(Item item) {
        Item held = items.get(item.appealId());
        if (held != null && held.version() >= item.version()) {
            return;
        }
        if (held != null) {
            unslot(held);
        }
        if (item.status() == AppealStatus.CLOSED) {
            items.remove(item.appealId());
            return;
        }
        items.put(item.appealId(), item);
        Slot slot = new Slot(item.nextDeadline(), item.appealId());
        for (String unit : item.units()) {
            queues.computeIfAbsent(unit, u -> new TreeSet<>(QUEUE_ORDER)).add(slot);
        }
    }

    /** Drops an appeal the store says is in none of the units' queues any more. */
    public synchronized void remove(String appealId) {
        Item held = items.remove(appealId);
        if (held != null) {
            unslot(held);
        }
    }

    /**
     * @param status which statuses count, null for all of them: then only the page is walked, otherwise the whole
     *               queue, to count what matches
     */
    public synchronized Slice page(String unit, Predicate<AppealStatus> status, long skip, int size) {
        NavigableSet<Slot> queue = queues.get(unit);
        if (queue == null) {
            return new Slice(List.of(), 0);
        }
        List<String> ids = new ArrayList<>(size);
        long matched = 0;
        for (Iterator<Slot> it = queue.iterator(); it.hasNext(); ) {
            Slot slot = it.next();
            if (status != null && !status.test(items.get(slot.appealId()).status())) {
                continue;
            }
            if (matched++ >= skip && ids.size() < size) {
                ids.add(slot.appealId());
            } else if (status == null && ids.size() == size) {
                break;
            }
        }
        return new Slice(ids, status == null ? queue.size() : matched);
    }

    /** How many appeals are held (open, or answered and not yet closed). */
    public synchronized int size() {
        return items.size();
    }

    private void unslot(Item held) {
        Slot slot = new Slot(held.nextDeadline(), held.appealId());
        for (String unit : held.units()) {
            NavigableSet<Slot> queue = queues.get(unit);
            if (queue != null) {
                queue.remove(slot);
                if (queue.isEmpty()) {
                    queues.remove(unit);
                }
            }
        }
    }
}
