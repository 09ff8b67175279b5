package gov.appeals.feedback.casefile.web;

import java.time.Clock;
import java.util.UUID;

import org.springframework.stereotype.Service;

import gov.appeals.feedback.casefile.CaseAccess;
import gov.appeals.feedback.casefile.CaseChange;
import gov.appeals.feedback.casefile.CaseFile;
import gov.appeals.feedback.casefile.CaseSupervision;
import gov.appeals.feedback.casefile.Extension;
import gov.appeals.feedback.casefile.OrderNotFoundException;
import gov.appeals.feedback.casefile.SupervisionConflictException;
import gov.appeals.feedback.casefile.SupervisionOrder;
import gov.appeals.feedback.casefile.SupervisionRules;
import gov.appeals.feedback.casefile.store.CaseChanges;
import gov.appeals.feedback.casefile.store.OrderBoard;
import gov.appeals.feedback.casefile.store.OrderBoard.OrderEntry;
import gov.appeals.kit.security.Actor;
import gov.appeals.kit.security.Roles;
import gov.appeals.kit.web.ForbiddenException;
import gov.appeals.kit.web.Paging;
import reactor.core.publisher.Mono;

/**
 * Supervision orders and extensions as people ask for them: who may (docs/security.md), then the case decides
 * ({@link CaseSupervision}) and {@link CaseChanges} stores it with its events.
 */
@Service
public class SupervisionDesk {

    private final CaseChanges changes;
    private final OrderBoard board;
    private final SupervisionRules rules;
    private final Clock clock;

    public SupervisionDesk(CaseChanges changes, OrderBoard board, SupervisionRules rules, Clock clock) {
        this.changes = changes;
        this.board = board;
        this.rules = rules;
        this.clock = clock;
    }

    /** A supervisor's order; while one is open on the appeal, a second is refused (409) rather than stacked. */
    public Mono<OrderEntry> raiseOrder(OrderRequest request, Actor supervisor) {
        String eventId = UUID.randomUUID().toString();
        return changes.change(request.appealId(), file -> {
                    file.supervision().openOrder().ifPresent(open -> {
                        throw new SupervisionConflictException("Appeal " + file.appealId()
                                + " already has an open supervision order " + open.orderId(), file.status());
                    });
                    return CaseSupervision.raiseOrder(file, request.comment(), actorName(supervisor), clock.instant(),
                            rules, eventId);
                })
                .switchIfEmpty(Mono.error(() -> new CaseNotFoundException(request.appealId())))
                .map(change -> entry(change.file(), eventId));
    }

    public Mono<OrderEntry> closeOrder(String orderId, CommentRequest request, Actor supervisor) {
        return board.find(orderId)
                .switchIfEmpty(Mono.error(() -> new OrderNotFoundException(orderId)))
                .flatMap(listed -> changes.change(listed.appealId(), file -> CaseSupervision.closeOrder(file, orderId,
                        request.comment(), actorName(supervisor), clock.instant(), UUID.randomUUID().toString())))
                .map(change -> entry(change.file(), orderId));
    }

    /** Supervisors see every order, a department's head the orders addressed to the department. */
    public Mono<OrderEntry> findOrder(String orderId, Actor actor) {
        return board.find(orderId)
                .filter(order -> actor.has(Roles.SUPERVISOR) || actor.worksFor(order.department()))
                .switchIfEmpty(Mono.error(() -> new OrderNotFoundException(orderId)));
    }

    public Mono<Paging.Page<OrderEntry>> listOrders(String department, Boolean open, Boolean overdue, Actor actor,
                                                    Paging.Request paging) {
        String unit = department;
        if (!actor.has(Roles.SUPERVISOR)) {
            if (department != null && !actor.worksFor(department)) {
                return Mono.error(new ForbiddenException("A department's head lists the orders of " + actor.department()
                        + " only"));
            }
            unit = actor.department();
        }
        return board.list(unit, open, overdue, clock.instant(), paging);
    }

    /** The lead department's head asks for more time; anyone else handling the appeal is refused (403). */
    public Mono<Extension> requestExtension(String appealId, ExtensionRequest request, Actor head) {
        String eventId = UUID.randomUUID().toString();
        return changes.change(appealId, file -> {
                    mayExtend(file, head);
                    return CaseSupervision.requestExtension(file, request.until(), request.reason(), actorName(head),
                            clock.instant(), rules, eventId);
                })
                .switchIfEmpty(Mono.error(() -> new CaseNotFoundException(appealId)))
                .map(change -> change.file().supervision().extension(eventId).orElseThrow());
    }

    public Mono<Extension> decideExtension(String appealId, String extensionId, DecisionRequest request,
                                           Actor supervisor) {
        return changes.change(appealId, file -> CaseSupervision.decideExtension(file, extensionId,
                        request.approved(), request.comment(), actorName(supervisor), clock.instant(),
                        UUID.randomUUID().toString()))
                .switchIfEmpty(Mono.error(() -> new CaseNotFoundException(appealId)))
                .map(change -> change.file().supervision().extension(extensionId).orElseThrow());
    }

    private static void mayExtend(CaseFile file, Actor head) {
        if (!CaseAccess.handles(head, file.lead(), file.coHandlers())) {
            throw new CaseNotFoundException(file.appealId());
        }
        if (!CaseAccess.mayAnswer(head, file.lead())) {
            throw new ForbiddenException("Only the lead department (" + file.lead() + ") asks to extend appeal "
                    + file.appealId());
        }
    }

    private static OrderEntry entry(CaseFile file, String orderId) {
        SupervisionOrder order = file.supervision().order(orderId).orElseThrow();
        return OrderEntry.of(file, order);
    }

    /** Events and orders name people as the stage changes do: {@code supervisor:<user>}, {@code staff:<user>}. */
    private static String actorName(Actor actor) {
        return (actor.has(Roles.SUPERVISOR) ? "supervisor:" : "staff:") + actor.id();
    }
}
