package gov.appeals.notification.inbox.web;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import gov.appeals.kit.security.Actor;
import gov.appeals.kit.security.Roles;
import gov.appeals.kit.web.ForbiddenException;
import gov.appeals.kit.web.NotFoundException;
import gov.appeals.kit.web.Paging;
import gov.appeals.kit.web.Problems;
import gov.appeals.notification.inbox.InboxItem;
import gov.appeals.notification.inbox.InboxUnits;
import gov.appeals.notification.inbox.store.InboxStore;
import gov.appeals.reference.ReferenceData;
import io.swagger.v3.oas.annotations.Operation;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The staff inbox of the token's units: its department, plus supervisors' and the triage unit's by role. */
@RestController
public class InboxController {

    static final int DEFAULT_PAGE_SIZE = 20;
    static final int MAX_PAGE_SIZE = 100;

    /** An item as a user sees it. */
    public record ItemView(String id, String appealId, String number, InboxItem.Kind kind, String text, Instant at,
                           boolean read) {

        static ItemView of(InboxItem item, boolean read) {
            return new ItemView(item.id(), item.appealId(), item.number(), item.kind(), item.text(), item.at(), read);
        }
    }

    /** A page of the inbox and how many of all its items the user has not read. */
    public record InboxView(long unread, long total, int page, int size, List<ItemView> items) {
    }

    private final InboxStore store;
    private final InboxStream stream;
    private final String triageUnit;
    private final Clock clock;

    public InboxController(InboxStore store, InboxStream stream, ReferenceData reference, Clock clock) {
        this.store = store;
        this.stream = stream;
        this.triageUnit = reference.triageUnit().code();
        this.clock = clock;
    }

    @GetMapping(path = "/api/v1/inbox", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The inbox of the token's units, newest first, with how many items the user has not read",
            description = "Items for the token's department; a supervisor's also those for all supervisors "
                    + "(SUPERVISORS: overdue appeals), a triager's those of the triage unit. page from 0, size 1-100 "
                    + "(20). Read or unread is the user's own.")
    public Mono<InboxView> inbox(@RequestParam(required = false) Integer page,
                                 @RequestParam(required = false) Integer size,
                                 @AuthenticationPrincipal Actor actor) {
        Paging.Request request = Paging.of(page, size, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);
        return store.page(actor.id(), units(actor), request).map(p -> new InboxView(p.unread(), p.page().total(),
                p.page().page(), p.page().size(),
                p.page().items().stream().map(seen -> ItemView.of(seen.item(), seen.read())).toList()));
    }

    @PostMapping("/api/v1/inbox/{id}/read")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Marks one item read for the user (again: no change); an item of another unit is not found")
    public Mono<Void> read(@PathVariable String id, @AuthenticationPrincipal Actor actor) {
        return store.find(id, units(actor))
                .switchIfEmpty(Mono.error(() -> new NotFoundException("No inbox item " + id)))
                .flatMap(item -> store.markRead(actor.id(), item, clock.instant()));
    }

    @PostMapping("/api/v1/inbox/read-all")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Marks every item of the user's inbox read for the user")
    public Mono<Void> readAll(@AuthenticationPrincipal Actor actor) {
        return store.markAllRead(actor.id(), units(actor), clock.instant());
    }

    @GetMapping(path = "/api/v1/inbox/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(summary = "New items of the user's inbox as they arrive, as Server-Sent Events",
            description = "text/event-stream: event item (data: the item as the inbox lists it, id: its id) for each "
                    + "new item of the user's units; a heartbeat comment every appeals.inbox.heartbeat (15 s). A "
                    + "client that falls 256 items behind loses the oldest, and one that reconnects has missed what "
                    + "came meanwhile: reload GET /api/v1/inbox then.")
    public Flux<ServerSentEvent<Object>> stream(@AuthenticationPrincipal Actor actor) {
        Set<String> units = units(actor);
        // Refused before the stream starts, so that a refusal is a response of its own, not an event.
        if (units.isEmpty()) {
            throw new ForbiddenException("No inbox: the token names no unit");
        }
        return stream.follow(actor.id(), units);
    }

    private Set<String> units(Actor actor) {
        return InboxUnits.of(actor.department(), actor.has(Roles.SUPERVISOR), actor.has(Roles.TRIAGER),
                actor.has(Roles.CLERK) || actor.has(Roles.HEAD), triageUnit);
    }

    /** An EventSource accepts text/event-stream only: the stream's refusal is problem+json whatever it accepts. */
    @ExceptionHandler
    ResponseEntity<ProblemDetail> forbidden(ForbiddenException e) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(Problems.of(HttpStatus.FORBIDDEN, e.getMessage()));
    }
}
