package gov.appeals.dispatch.queue.web;

import java.time.Clock;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Service;

import gov.appeals.dispatch.queue.Assignment;
import gov.appeals.dispatch.queue.NotInQueueException;
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
    private final OutboxRelay relay;
    private final Clock clock;

    public DepartmentQueue(ReferenceData reference, AssignmentStore store, OutboxRelay relay, Clock clock) {
        this.reference = reference;
        this.store = store;
        this.relay = relay;
        this.clock = clock;
    }

    /** @param status only appeals in this status, null for every open one */
    public Mono<Paging.Page<QueueEntry>> list(String unit, String status, Paging.Request page) {
        requireUnit(unit);
        Set<AppealStatus> statuses = status == null ? Assignment.openStatuses() : Set.of(openStatus(status));
        return store.queue(unit, statuses, page).map(found -> new Paging.Page<>(found.items().stream()
                .map(AssignmentDocument::assignment)
                .flatMap(a -> a.roleOf(unit).map(role -> new QueueEntry(a, role)).stream())
                .toList(), found.page(), found.size(), found.total()));
    }

    public Mono<QueueEntry> sign(String unit, String appealId, String staff) {
        requireUnit(unit);
        return store.change(appealId, document -> document.assignment()
                        .sign(unit, staff, UUID.randomUUID().toString(), clock.instant())
                        .map(transition -> Change.announcing(transition, clock.instant())))
                .switchIfEmpty(Mono.error(() -> new NotInQueueException(appealId, unit)))
                .doOnNext(this::publishPending)
                .map(signed -> new QueueEntry(signed.assignment(), QueueRole.LEAD));
    }

    private void publishPending(AssignmentDocument document) {
        if (!document.outbox().isEmpty()) {
            relay.publishSoon(document.id());
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
