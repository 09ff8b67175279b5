package gov.appeals.dispatch.queue.web;

import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Service;

import gov.appeals.dispatch.queue.Assignment;
import gov.appeals.dispatch.queue.NotInQueueException;
import gov.appeals.dispatch.queue.OpenWork;
import gov.appeals.dispatch.queue.QueueEntry;
import gov.appeals.dispatch.queue.QueueRole;
import gov.appeals.dispatch.queue.UnknownUnitException;
import gov.appeals.dispatch.queue.store.AssignmentDocument;
import gov.appeals.dispatch.queue.store.AssignmentStore;
import gov.appeals.dispatch.queue.store.AssignmentStore.Change;
import gov.appeals.events.AppealStatus;
import gov.appeals.kit.outbox.OutboxRelay;
import gov.appeals.kit.web.InvalidRequestException;
import gov.appeals.kit.web.Paging;
import gov.appeals.reference.ReferenceData;
import reactor.core.publisher.Mono;

/** A unit's work queue (department or street/town): listing it and signing for (签收) appeals in it. */
@Service
public class DepartmentQueue {

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
     * by id from the store. Until the in-memory queues are loaded (start-up), a query over the store answers.
     *
     * @param status only appeals in this status, null for every open one
     */
    public Mono<Paging.Page<QueueEntry>> list(String unit, String status, Paging.Request page) {
        requireUnit(unit);
        AppealStatus only = status == null ? null : openStatus(status);
        if (!openWork.isLoaded()) {
            Set<AppealStatus> statuses = only == null ? Assignment.openStatuses() : Set.of(only);
            return store.queue(unit, statuses, page).map(found -> new Paging.Page<>(found.items().stream()
                    .map(AssignmentDocument::assignment)
                    .flatMap(a -> entry(a, unit).stream())
                    .toList(), found.page(), found.size(), found.total()));
        }
        OpenWork.Slice slice = openWork.page(unit, only == null ? null : only::equals, page.skip(), page.size());
        return store.findAll(slice.appealIds()).collectMap(AssignmentDocument::id, AssignmentDocument::assignment)
                .map(found -> new Paging.Page<>(slice.appealIds().stream()
                        .flatMap(id -> Optional.ofNullable(found.get(id)).stream())
                        .filter(a -> only == null || a.status() == only)
                        .flatMap(a -> entry(a, unit).stream())
                        .toList(), page.page(), page.size(), slice.total()));
    }

    /**
     * The appeal as the unit sees it in its queue, empty when the store says it is not there (the in-memory queues
     * may be a moment ahead of this service's store, or behind it; a newer stored state corrects them).
     */
    private Optional<QueueEntry> entry(Assignment assignment, String unit) {
        Optional<QueueEntry> entry = assignment.roleOf(unit).map(role -> new QueueEntry(assignment, role));
        if (entry.isEmpty()) {
            openWork.put(OpenWork.Item.of(assignment));
        }
        return entry;
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

    private static AppealStatus openStatus(String status) {
        return Assignment.openStatuses().stream().filter(s -> s.name().equals(status)).findFirst()
                .orElseThrow(() -> new InvalidRequestException("status", "must be one of the open statuses "
                        + Assignment.openStatuses().stream().map(Enum::name).sorted().toList()));
    }
}
