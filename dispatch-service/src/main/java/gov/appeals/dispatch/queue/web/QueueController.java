package gov.appeals.dispatch.queue.web;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import gov.appeals.dispatch.queue.QueueAccess;
import gov.appeals.kit.security.Actor;
import gov.appeals.kit.web.ForbiddenException;
import gov.appeals.kit.web.Paging;
import gov.appeals.reference.ReferenceData;
import io.swagger.v3.oas.annotations.Operation;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/v1/departments/{code}/queue")
public class QueueController {

    static final int DEFAULT_PAGE_SIZE = 20;
    static final int MAX_PAGE_SIZE = 100;

    private final DepartmentQueue queue;
    private final String triageUnit;

    public QueueController(DepartmentQueue queue, ReferenceData reference) {
        this.queue = queue;
        this.triageUnit = reference.triageUnit().code();
    }

    /** Open appeals the unit leads, co-handles or (for the triage unit) has to triage, nearest deadline first. */
    @GetMapping
    @Operation(summary = "A unit's open appeals, one page at a time: nearest deadline first, then by appeal id")
    public Mono<Paging.Page<QueueItem>> queue(@PathVariable String code,
                                              @RequestParam(required = false) String status,
                                              @RequestParam(required = false) Integer page,
                                              @RequestParam(required = false) Integer size,
                                              @AuthenticationPrincipal Actor actor) {
        if (!QueueAccess.mayRead(actor, code, triageUnit)) {
            return Mono.error(new ForbiddenException("The queue of " + code + " is its own staff's"));
        }
        Paging.Request request = Paging.of(page, size, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);
        return queue.list(code, status, request).map(found -> new Paging.Page<>(
                found.items().stream().map(QueueItem::of).toList(), found.page(), found.size(), found.total()));
    }

    /** The lead signs for (签收) the appeal; signing again answers the same without a new event. */
    @PostMapping("/{id}/sign")
    @Operation(summary = "The lead signs for (签收) the appeal; signing again answers the same, publishing nothing",
            description = "The signer is the logged-in clerk or head of the lead department; no body.")
    public Mono<QueueItem> sign(@PathVariable String code, @PathVariable String id,
                                @AuthenticationPrincipal Actor actor) {
        if (!QueueAccess.mayWork(actor, code)) {
            return Mono.error(new ForbiddenException("Only the staff of " + code + " sign for its appeals"));
        }
        return queue.sign(code, id, actor.id()).map(QueueItem::of);
    }
}
