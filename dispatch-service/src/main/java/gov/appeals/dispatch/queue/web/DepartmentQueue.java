package gov.appeals.dispatch.queue.service;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Service;

import gov.appeals.dispatch.outbox.OutboxRelay;
import gov.appeals.dispatch.queue.Assignment;
import gov.appeals.dispatch.queue.FieldProblem;
import gov.appeals.dispatch.queue.InvalidRequestException;
import gov.appeals.dispatch.queue.NotInQueueException;
import gov.appeals.dispatch.queue.QueueRole;
import gov.appeals.dispatch.queue.UnknownUnitException;
import gov.appeals.dispatch.queue.store.AssignmentStore;
import gov.appeals.dispatch.queue.store.AssignmentStore.Change;
import gov.appeals.events.AppealStatus;
import gov.appeals.events.reference.ReferenceData;
import reactor.core.publisher.Flux;
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
    public Flux<QueueEntry> list(String unit, String status) {
        requireUnit(unit);
        Set<AppealStatus> statuses = status == null ? Assignment.openStatuses() : Set.of(openStatus(status));
        return store.queue(unit, statuses)
                .map(document -> document.assignment())
                .flatMap(a -> Mono.justOrEmpty(a.roleOf(unit)).map(role -> new QueueEntry(a, role)), 1);
    }

    public Mono<QueueEntry> sign(String unit, String appealId, String staff) {
        requireUnit(unit);
        return store.change(appealId, document -> document.assignment()
                        .sign(unit, staff, UUID.randomUUID().toString(), clock.instant())
                        .map(transition -> Change.announcing(transition, clock.instant())))
                .switchIfEmpty(Mono.error(() -> new NotInQueueException(appealId, unit)))
                .doOnNext(relay::publishPending)
                .map(signed -> new QueueEntry(signed.assignment(), QueueRole.LEAD));
    }

    private void requireUnit(String unit) {
        if (reference.unit(unit).isEmpty()) {
            throw new UnknownUnitException(unit);
        }
    }

    private static AppealStatus openStatus(String status) {
        return Assignment.openStatuses().stream().filter(s -> s.name().equals(status)).findFirst()
                .orElseThrow(() -> new InvalidRequestException(List.of(new FieldProblem("status",
                        "must be one of the open statuses " + Assignment.openStatuses().stream().map(Enum::name)
                                .sorted().toList()))));
    }
}
