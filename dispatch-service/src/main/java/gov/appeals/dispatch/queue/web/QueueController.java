package gov.appeals.dispatch.queue.web;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import gov.appeals.dispatch.queue.QueueAccess;
import gov.appeals.dispatch.queue.QueueFilter;
import gov.appeals.kit.security.Actor;
import gov.appeals.kit.web.ForbiddenException;
import gov.appeals.kit.web.Paging;
import gov.appeals.reference.ReferenceData;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/v1/departments/{code}/queue")
public class QueueController {

    static final int DEFAULT_PAGE_SIZE = 20;
    static final int MAX_PAGE_SIZE = 100;

    private final DepartmentQueue queue;
    private final ReferenceData reference;
    private final String triageUnit;
    private final Duration dueSoonWithin;

    public QueueController(DepartmentQueue queue, ReferenceData reference,
                           @Value("${appeals.queue.due-soon-within:24h}") Duration dueSoonWithin) {
        this.queue = queue;
        this.reference = reference;
        this.triageUnit = reference.triageUnit().code();
        this.dueSoonWithin = dueSoonWithin;
    }

    /** Open appeals the unit leads, co-handles or (for the triage unit) has to triage, nearest deadline first. */
    @GetMapping
    @Operation(summary = "A unit's open appeals, one page at a time: nearest deadline first, then by appeal id",
            description = "Every filter is optional and all given must hold; total counts what they let through.")
    public Mono<Paging.Page<QueueItem>> queue(
            @PathVariable String code,
            @Parameter(description = "one open status: TRIAGE, ASSIGNED, SIGNED, REOPENED")
            @RequestParam(required = false) String status,
            @Parameter(description = "why the unit has it: LEAD, CO_HANDLER, TRIAGE")
            @RequestParam(required = false) String role,
            @RequestParam(required = false) String urgency,
            @Parameter(description = "OVERDUE: the next deadline is past; SOON: not yet, but within "
                    + "appeals.queue.due-soon-within (24 h)")
            @RequestParam(required = false) String due,
            @RequestParam(required = false) String category,
            @Parameter(description = "the street or town code of the enterprise")
            @RequestParam(required = false) String street,
            @RequestParam(required = false) String source,
            @Parameter(description = "a piece of the title, number or enterprise name, any case, at most 100 characters")
            @RequestParam(required = false) String text,
            @Parameter(description = "me: only what the caller signed for")
            @RequestParam(required = false) String signedBy,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size,
            @AuthenticationPrincipal Actor actor) {
        if (!QueueAccess.mayRead(actor, code, triageUnit)) {
            return Mono.error(new ForbiddenException("The queue of " + code + " is its own staff's"));
        }
        Paging.Request request = Paging.of(page, size, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);
        QueueFilter filter = new QueueQuery(status, role, urgency, due, category, street, source, text, signedBy)
                .filter(actor, reference, dueSoonWithin);
        return queue.list(code, filter, request).map(found -> new Paging.Page<>(
                found.items().stream().map(QueueItem::of).toList(), found.page(), found.size(), found.total()));
    }

    /**
     * The lead signs for (签收) the appeal; the same member of staff signing again answers the same without a new
     * event; anyone else gets 409 naming who signed.
     */
    @PostMapping("/{id}/sign")
    @Operation(summary = "The lead signs for (签收) the appeal; signing again answers the same, publishing nothing",
            description = "The signer is the logged-in clerk or head of the lead department; no body. Once one "
                    + "member of staff signed, anyone else signing gets 409 naming who did.")
    public Mono<QueueItem> sign(@PathVariable String code, @PathVariable String id,
                                @AuthenticationPrincipal Actor actor) {
        if (!QueueAccess.mayWork(actor, code)) {
            return Mono.error(new ForbiddenException("Only the staff of " + code + " sign for its appeals"));
        }
        return queue.sign(code, id, actor.id()).map(QueueItem::of);
    }
}
