package gov.appeals.dispatch.queue.web;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import gov.appeals.dispatch.queue.QueueAccess;
import gov.appeals.dispatch.queue.QueueFilter;
import gov.appeals.dispatch.queue.UnknownUnitException;
import gov.appeals.kit.security.Actor;
import gov.appeals.kit.web.ForbiddenException;
import gov.appeals.kit.web.InvalidRequestException;
import gov.appeals.kit.web.NotFoundException;
import gov.appeals.kit.web.Problems;
import gov.appeals.reference.ReferenceData;
import io.swagger.v3.oas.annotations.Operation;
import reactor.core.publisher.Flux;

/**
 * A unit's queue as it changes, for a queue page that is open. Its refusals are answered here rather than by the
 * kit's advice: an EventSource accepts text/event-stream only, and negotiated against that a problem would go out as
 * an event; it is application/problem+json, whatever the client accepts.
 */
@RestController
public class QueueStreamController {

    private final QueueStream stream;
    private final ReferenceData reference;
    private final String triageUnit;
    private final Duration dueSoonWithin;

    public QueueStreamController(QueueStream stream, ReferenceData reference,
                                 @Value("${appeals.queue.due-soon-within:24h}") Duration dueSoonWithin) {
        this.stream = stream;
        this.reference = reference;
        this.triageUnit = reference.triageUnit().code();
        this.dueSoonWithin = dueSoonWithin;
    }

    @GetMapping("/api/v1/departments/{code}/queue/stream")
    @Operation(summary = "A unit's queue as it changes, as Server-Sent Events: read the page first, then apply these",
            description = "text/event-stream: event item (data: the queue item, id: the appeal id) for every new or "
                    + "changed appeal of the queue, event removed (data: {id}) when one leaves it (answered, closed, "
                    + "moved, or out of the filter); a heartbeat comment every appeals.queue.heartbeat (15 s). The "
                    + "page's filters apply, a due filter judged when the appeal changes. A client that falls 1,024 "
                    + "changes behind loses the oldest and should reload its page.")
    public Flux<ServerSentEvent<Object>> stream(
            @PathVariable String code,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String role,
            @RequestParam(required = false) String urgency,
            @RequestParam(required = false) String due,
            @RequestParam(required = false) String category,
            @RequestParam(required = false) String street,
            @RequestParam(required = false) String source,
            @RequestParam(required = false) String text,
            @RequestParam(required = false) String signedBy,
            @AuthenticationPrincipal Actor actor) {
        // Refused before the stream starts, so that a refusal is a response of its own, not an event.
        if (!QueueAccess.mayRead(actor, code, triageUnit)) {
            throw new ForbiddenException("The queue of " + code + " is its own staff's");
        }
        if (reference.unit(code).isEmpty()) {
            throw new UnknownUnitException(code);
        }
        QueueFilter filter = new QueueQuery(status, role, urgency, due, category, street, source, text, signedBy)
                .filter(actor, reference, dueSoonWithin);
        return stream.follow(code, filter);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> invalid(InvalidRequestException e) {
        return problem(Problems.invalid(e.getMessage(), e.problems()));
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> forbidden(ForbiddenException e) {
        return problem(Problems.of(HttpStatus.FORBIDDEN, e.getMessage()));
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> notFound(NotFoundException e) {
        return problem(Problems.of(HttpStatus.NOT_FOUND, e.getMessage()));
    }

    private static ResponseEntity<ProblemDetail> problem(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
