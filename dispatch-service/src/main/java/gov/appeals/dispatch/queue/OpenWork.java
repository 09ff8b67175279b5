package gov.appeals.dispatch.queue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

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
import gov.appeals.events.Deadlines;
import gov.appeals.events.ExtensionDecided;
import gov.appeals.events.Source;
import gov.appeals.events.Urgency;

/**
 * Which appeals are in which unit's queue, in queue order (nearest deadline first, then appeal id), held in memory so
 * that a queue page costs a walk of a sorted set and one read of the page's appeals by id, whatever the backlog: a
 * query over the assignments would read every one of them on mongo-java-server. Fed by every event of every appeal
 * (each instance follows the whole stream) after a snapshot of the open work; an event not newer than what is held
 * changes nothing. Answered appeals are held, in no queue, until closed, since a reopening puts them back with their
 * co-handlers. Accepted appeals are held, in no queue, from their acceptance on, since the routing event that puts
 * them in one does not carry what the filters read (title, street, urgency…).
 */
public final class OpenWork {

    /**
     * What the queue filters read of an appeal, which stays as intake accepted it.
     *
     * @param searchText the title, number and enterprise name, lower case, one a line: what a text filter searches
     */
    public record Facts(String number, String title, Source source, String category, Urgency urgency, String street,
                        String enterpriseName, String searchText) {

        static final Facts UNKNOWN = of(null, null, null, null, null, null, null);

        public static Facts of(String number, String title, Source source, String category, Urgency urgency,
                               String street, String enterpriseName) {
            // A text filter refuses line breaks, so a match never spans two of the fields.
            String search = String.join("\n", title == null ? "" : title, number == null ? "" : number,
                    enterpriseName == null ? "" : enterpriseName).toLowerCase(Locale.ROOT);
            return new Facts(number, title, source, category, urgency, street, enterpriseName, search);
        }

        static Facts of(AppealAccepted accepted) {
            return of(accepted.appeal().number(), accepted.title(), accepted.appeal().source(), accepted.category(),
                    accepted.urgency(), accepted.street(),
                    accepted.enterprise() == null ? null : accepted.enterprise().name());
        }

        boolean isKnown() {
            return number != null || title != null;
        }
    }

    /** What places an appeal in queues, and what the filters read. */
    public record Item(String appealId, int version, AppealStatus status, String lead, List<String> coHandlers,
                       String triageUnit, Deadlines deadlines, String signedBy, Facts facts) {

        public Item {
            coHandlers = coHandlers == null ? List.of() : List.copyOf(coHandlers);
            facts = facts == null ? Facts.UNKNOWN : facts;
        }

        public static Item of(Assignment a) {
            return new Item(a.appealId(), a.version(), a.status(), a.lead(), a.coHandlers(), a.triageUnit(),
                    a.deadlines(), a.signedBy(), Facts.of(a.appeal().number(), a.title(), a.appeal().source(),
                    a.category(), a.urgency(), a.street(), a.enterpriseName()));
        }

        /** The units whose queue holds the appeal: none once it is answered. */
        public Set<String> units() {
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

        /**
         * Why the appeal is in {@code unit}'s queue: the same rule as {@link Assignment#roleOf(String)}, without the
         * set {@link #units()} makes, since a filtered page asks it of every appeal of the queue.
         */
        public Optional<QueueRole> roleOf(String unit) {
            if (status == AppealStatus.TRIAGE) {
                return unit.equals(triageUnit) ? Optional.of(QueueRole.TRIAGE) : Optional.empty();
            }
            if (!Assignment.openStatuses().contains(status) || lead == null) {
                return Optional.empty();
            }
            if (unit.equals(lead)) {
                return Optional.of(QueueRole.LEAD);
            }
            return coHandlers.contains(unit) ? Optional.of(QueueRole.CO_HANDLER) : Optional.empty();
        }

        /** The same rule as {@link Assignment#nextDeadline()}: sign-for until signed, then the answer. */
        public Instant nextDeadline() {
            if (deadlines == null) {
                return null;
            }
            if (status == AppealStatus.SIGNED || deadlines.signBy() == null) {
                return deadlines.answerBy();
            }
            return deadlines.signBy();
        }

        Item with(AppealStatus newStatus, int newVersion, Deadlines newDeadlines) {
            return new Item(appealId, newVersion, newStatus, lead, coHandlers, triageUnit, newDeadlines, signedBy,
                    facts);
        }

        Item signedBy(String signer, int newVersion) {
            return new Item(appealId, newVersion, AppealStatus.SIGNED, lead, coHandlers, triageUnit, deadlines, signer,
                    facts);
        }
    }

    /**
     * A change of one appeal: what was held before and what is held after (null when nothing was, or is any more).
     * Told to the listeners in the order the changes were made.
     */
    public record Change(String appealId, Item before, Item after) {

        /** Whether the change touches {@code unit}'s queue: the appeal was, or is, in it. */
        public boolean concerns(String unit) {
            return before != null && before.units().contains(unit) || after != null && after.units().contains(unit);
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
    /** Each unit's queue in queue order, holding the item itself so that a filtered walk looks nothing up. */
    private final Map<String, NavigableMap<Slot, Item>> queues = new HashMap<>();
    private final List<Consumer<Change>> listeners = new CopyOnWriteArrayList<>();
    private volatile boolean loaded;

    /** Whether the snapshot of the open work is in: until then a queue must be read from the store. */
    public boolean isLoaded() {
        return loaded;
    }

    public void markLoaded() {
        loaded = true;
    }

    /**
     * Tells {@code listener} every change from now on, while the change is being made: it must return at once (hand
     * the change on, never wait), and it sees the changes one at a time, in order.
     */
    public void listen(Consumer<Change> listener) {
        listeners.add(listener);
    }

    /** Follows an event; only a newer one than held changes anything. */
    public synchronized void apply(AppealEvent event) {
        Item held = items.get(event.appealId());
        if (event instanceof ExtensionDecided decided) {
            if (held != null && decided.approved() && decided.deadlines() != null
                    && decided.version() >= held.version()) {
                extend(held, decided.deadlines());
            }
            return;
        }
        if (held != null && held.version() >= event.version()) {
            return;
        }
        int v = event.version();
        Facts facts = held == null ? Facts.UNKNOWN : held.facts();
        if (event instanceof AppealAccepted accepted) {
            put(new Item(accepted.appealId(), v, AppealStatus.ACCEPTED, null, List.of(), null, accepted.deadlines(),
                    null, Facts.of(accepted)));
        } else if (event instanceof AppealAssigned a) {
            put(new Item(a.appealId(), v, AppealStatus.ASSIGNED, a.department(), a.coHandlers(),
                    held == null ? null : held.triageUnit(), a.deadlines(), null, facts));
        } else if (event instanceof AppealSentToTriage t) {
            put(new Item(t.appealId(), v, AppealStatus.TRIAGE, null, List.of(), t.department(),
                    t.deadlines() != null ? t.deadlines() : held == null ? null : held.deadlines(),
                    held == null ? null : held.signedBy(), facts));
        } else if (event instanceof AppealReopened r) {
            Deadlines clocks = r.deadlines() != null ? r.deadlines() : held == null ? null : held.deadlines();
            put(held != null ? held.with(AppealStatus.REOPENED, v, clocks)
                    : new Item(r.appealId(), v, AppealStatus.REOPENED, r.department(), List.of(), null, clocks, null,
                    null));
        } else if (event instanceof AppealClosed) {
            remove(event.appealId());
        } else if (held != null && event instanceof AppealSigned s) {
            put(held.signedBy(s.actor() == null ? null : s.actor().replaceFirst("^staff:", ""), v));
        } else if (held != null && event instanceof AppealResponded) {
            put(held.with(AppealStatus.RESPONDED, v, held.deadlines()));
        } else if (held != null && event instanceof AppealRated) {
            put(held.with(held.status(), v, held.deadlines()));
        }
    }

    /**
     * Takes in an appeal as the store holds it (the snapshot, or a correction); an older one changes nothing, nor
     * does one of the same version unless it knows the facts held lack (the routing event came without its
     * acceptance, which happens to an appeal accepted just before this instance started following).
     */
    public synchronized void put(Item item) {
        Item held = items.get(item.appealId());
        if (held != null && (held.version() > item.version()
                || held.version() == item.version() && (held.facts().isKnown() || !item.facts().isKnown()))) {
            return;
        }
        if (held != null) {
            unslot(held);
        }
        if (item.status() == AppealStatus.CLOSED) {
            items.remove(item.appealId());
            tell(new Change(item.appealId(), held, null));
            return;
        }
        items.put(item.appealId(), item);
        Slot slot = new Slot(item.nextDeadline(), item.appealId());
        for (String unit : item.units()) {
            queues.computeIfAbsent(unit, u -> new TreeMap<>(QUEUE_ORDER)).put(slot, item);
        }
        tell(new Change(item.appealId(), held, item));
    }

    /**
     * An approved extension (a note on the stage held, so no newer version) moves the deadlines, and the appeal's
     * place in its queues with them.
     */
    private void extend(Item held, Deadlines deadlines) {
        if (deadlines.equals(held.deadlines())) {
            return;
        }
        Item moved = held.with(held.status(), held.version(), deadlines);
        unslot(held);
        items.put(moved.appealId(), moved);
        Slot slot = new Slot(moved.nextDeadline(), moved.appealId());
        for (String unit : moved.units()) {
            queues.computeIfAbsent(unit, u -> new TreeMap<>(QUEUE_ORDER)).put(slot, moved);
        }
        tell(new Change(moved.appealId(), held, moved));
    }

    /** Drops an appeal the store says is in none of the units' queues any more. */
    public synchronized void remove(String appealId) {
        Item held = items.remove(appealId);
        if (held != null) {
            unslot(held);
            tell(new Change(appealId, held, null));
        }
    }

    /**
     * One page of the unit's queue as {@code filter} narrows it at {@code now}. Without a filter only the page is
     * walked; with one, the part of the queue the filter's deadlines allow (all of it, for most filters), to count
     * what matches.
     */
    public synchronized Slice page(String unit, QueueFilter filter, Instant now, long skip, int size) {
        NavigableMap<Slot, Item> queue = queues.get(unit);
        if (queue == null) {
            return new Slice(List.of(), 0);
        }
        List<String> ids = new ArrayList<>(size);
        if (filter.isEmpty()) {
            long at = 0;
            for (Slot slot : queue.keySet()) {
                if (ids.size() == size) {
                    break;
                }
                if (at++ >= skip) {
                    ids.add(slot.appealId());
                }
            }
            return new Slice(ids, queue.size());
        }
        Instant from = filter.deadlineFrom(now);
        Instant until = filter.deadlineUntil(now);
        NavigableMap<Slot, Item> part = from == null ? queue : queue.tailMap(new Slot(from, ""), true);
        long matched = 0;
        for (Map.Entry<Slot, Item> entry : part.entrySet()) {
            Slot slot = entry.getKey();
            if (until != null && (slot.deadline() == null || slot.deadline().isAfter(until))) {
                break;
            }
            Item item = entry.getValue();
            QueueRole role = item.status() == AppealStatus.TRIAGE ? QueueRole.TRIAGE
                    : unit.equals(item.lead()) ? QueueRole.LEAD : QueueRole.CO_HANDLER;
            if (!filter.matches(item, role, now)) {
                continue;
            }
            if (matched++ >= skip && ids.size() < size) {
                ids.add(slot.appealId());
            }
        }
        return new Slice(ids, matched);
    }

    /** The appeal as held, if it is. */
    public synchronized Optional<Item> get(String appealId) {
        return Optional.ofNullable(items.get(appealId));
    }

    /** How many appeals are held (accepted, open, or answered and not yet closed). */
    public synchronized int size() {
        return items.size();
    }

    private void tell(Change change) {
        for (Consumer<Change> listener : listeners) {
            listener.accept(change);
        }
    }

    private void unslot(Item held) {
        Slot slot = new Slot(held.nextDeadline(), held.appealId());
        for (String unit : held.units()) {
            NavigableMap<Slot, Item> queue = queues.get(unit);
            if (queue != null) {
                queue.remove(slot);
                if (queue.isEmpty()) {
                    queues.remove(unit);
                }
            }
        }
    }
}
