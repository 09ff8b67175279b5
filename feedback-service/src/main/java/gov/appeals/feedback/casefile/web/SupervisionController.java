package gov.appeals.feedback.casefile.web;

import java.net.URI;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import gov.appeals.feedback.casefile.store.OrderBoard.OrderEntry;
import gov.appeals.kit.security.Actor;
import gov.appeals.kit.web.InvalidRequestException;
import gov.appeals.kit.web.Paging;
import io.swagger.v3.oas.annotations.Operation;
import reactor.core.publisher.Mono;

/** Supervision orders (督办单): raised by hand or on overdue, listed, closed once the department answered. */
@RestController
@RequestMapping("/api/v1/supervision/orders")
public class SupervisionController {

    private final SupervisionDesk desk;

    public SupervisionController(SupervisionDesk desk) {
        this.desk = desk;
    }

    @Operation(summary = "Raise a supervision order on an appeal (supervisors); 409 while one is open on it")
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    public Mono<ResponseEntity<OrderEntry>> raise(@Validated @RequestBody OrderRequest request,
                                                  @AuthenticationPrincipal Actor actor) {
        return desk.raiseOrder(request, actor).map(order -> ResponseEntity
                .created(URI.create("/api/v1/supervision/orders/" + order.id())).body(order));
    }

    @Operation(summary = "Supervision orders, open first and soonest due first",
            description = "Supervisors see every department's, a head only its own department's. status: OPEN or "
                    + "CLOSED; overdue=true: open and past the order's own deadline.")
    @GetMapping
    public Mono<Paging.Page<OrderEntry>> list(@RequestParam(required = false) String department,
                                              @RequestParam(required = false) String status,
                                              @RequestParam(required = false) Boolean overdue,
                                              @RequestParam(required = false) Integer page,
                                              @RequestParam(required = false) Integer size,
                                              @AuthenticationPrincipal Actor actor) {
        Boolean open = status == null ? null : switch (status) {
            case "OPEN" -> Boolean.TRUE;
            case "CLOSED" -> Boolean.FALSE;
            default -> throw new InvalidRequestException("status", "must be OPEN or CLOSED");
        };
        return desk.listOrders(department, open, overdue, actor, Paging.of(page, size, 20, 100));
    }

    @GetMapping("/{orderId}")
    public Mono<OrderEntry> find(@PathVariable String orderId, @AuthenticationPrincipal Actor actor) {
        return desk.findOrder(orderId, actor);
    }

    @Operation(summary = "Close an order once the department answered the appeal (supervisors); 409 before that")
    @PostMapping(path = "/{orderId}/close", consumes = MediaType.APPLICATION_JSON_VALUE)
    public Mono<OrderEntry> close(@PathVariable String orderId, @Validated @RequestBody CommentRequest request,
                                  @AuthenticationPrincipal Actor actor) {
        return desk.closeOrder(orderId, request, actor);
    }
}
