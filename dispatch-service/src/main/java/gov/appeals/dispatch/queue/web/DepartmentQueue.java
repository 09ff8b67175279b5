package gov.appeals.dispatch.queue.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;

import gov.appeals.dispatch.queue.Assignment;
import gov.appeals.dispatch.queue.NotInQueueException;
import gov.appeals.dispatch.queue.OpenWork;
import gov.appeals.dispatch.queue.QueueEntry;
import gov.appeals.dispatch.queue.QueueFilter;
import gov.appeals.dispatch.queue.QueueRole;
import gov.appeals.dispatch.queue.UnknownUnitException;
import gov.appeals.dispatch.queue.store.AssignmentDocument;
import gov.appeals.dispatch.queue.store.AssignmentStore;
import gov.appeals.dispatch.queue.store.AssignmentStore.Change;
import gov.appeals.kit.outbox.OutboxRelay;
import gov.appeals.kit.web.Paging;
import gov.appeals.reference.ReferenceData;
import reactor.core.publisher.Mono;

/** A unit's work queue (department or street/town): listing it and signing for (签收) appeals in it. */
@Service
public class DepartmentQueue {

    private static final int CATCH_UP_READS = 20;
    private static final Duration CATCH_UP_PAUSE = Duration.ofMillis(100);
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(5);

    private final ReferenceData reference;
    private final AssignmentStore store;
    private final OpenWork openWork;
    private final OutboxRelay relay;
    private final Clock clock;

    public DepartmentQueue(ReferenceData reference, AssignmentStore store, OpenWork openWork, OutboxRelay relay,
                           Clock clock) {
        this.reference = reference;
        this.store = store;
        this.openWork = openWork;
        this.relay = relay;
        this.clock = clock;
    }

    /**
     * One page of the unit's queue: the order and the count from the in-memory queues, the appeals themselves read
     * by id from the store. Until the in-memory queues are loaded (start-up), a query over the store answers, with
     * the same filter.
     */
    public Mono<Paging.Page<QueueEntry>> list(String unit, QueueFilter filter, Paging.Request page) {
        requireUnit(unit);
        Instant now = clock.instant();
        if (!openWork.isLoaded()) {
            return store.queue(unit, filter, now, page).map(found -> new Paging.Page<>(found.items().stream()
                    .map(AssignmentDocument::assignment)
                    .flatMap(a -> entry(a, unit).stream())
                    .toList(), found.page(), found.size(), found.total()));
        }
        OpenWork.Slice slice = openWork.page(unit, filter, now, page.skip(), page.size());
        return store.findAll(slice.appealIds()).collectMap(AssignmentDocument::id, AssignmentDocument::assignment)
                .map(found -> new Paging.Page<>(slice.appealIds().stream()
                        .flatMap(id -> Optional.ofNullable(found.get(id)).stream())
                        .flatMap(a -> entry(a, unit).stream())
                        .filter(e -> filter.statuses() == null
                                || filter.statuses().contains(e.assignment().status()))
                        .toList(), page.page(), page.size(), slice.total()));
    }

    /**
     * The appeal as the unit's queue shows it now, read from the store; empty when it is not in that queue, or the
     * store has not caught up with {@code version} within a few reads (another service's event is in the in-memory
     * queues before this service's own consumer has stored it).
     */
    public Mono<QueueEntry> current(String unit, String appealId, int version) {
        return Mono.defer(() -> store.find(appealId))
                .filter(document -> document.version() >= version)
                .repeatWhenEmpty(CATCH_UP_READS, reads -> reads.delayElements(CATCH_UP_PAUSE))
                .timeout(READ_TIMEOUT)
                .flatMap(document -> Mono.justOrEmpty(entry(document.assignment(), unit)));
    }

    /**
     * The appeal as the unit sees it in its queue, empty when the store says it is not there (the in-memory queues
     * may be a moment ahead of this service's store, or behind it; a newer stored state, or one that knows the
     * facts the filters read when they do not, corrects them).
     */
    private Optional<QueueEntry> entry(Assignment assignment, String unit) {
        openWork.put(OpenWork.Item.of(assignment));
        return assignment.roleOf(unit).map(role -> new QueueEntry(assignment, role));
    }

    public Mono<QueueEntry> sign(String unit, String appealId, String staff) {
        requireUnit(unit);
        return store.change(appealId, document -> document.assignment()
                        .sign(unit, staff, UUID.randomUUID().toString(), clock.instant())
                        .map(transition -> Change.announcing(transition, clock.instant())))
                .switchIfEmpty(Mono.error(() -> new NotInQueueException(appealId, unit)))
                .doOnNext(signed -> openWork.put(OpenWork.Item.of(signed.assignment())))
                .doOnNext(this::publishPending)
                .map(signed -> new QueueEntry(signed.assignment(), QueueRole.LEAD));
    }

    private void publishPending(AssignmentDocument document) {
        if (!document.outbox().isEmpty()) {
            relay.publishSoon(document.id(), document.outbox());
        }
    }

    private void requireUnit(String unit) {
        if (reference.unit(unit).isEmpty()) {
            throw new UnknownUnitException(unit);
        }
    }
}
