package gov.appeals.intake.web;

import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;

import gov.appeals.intake.acceptance.FieldProblem;
import gov.appeals.intake.acceptance.InvalidRequestException;
import gov.appeals.intake.appeal.AppealNotFoundException;
import gov.appeals.intake.rating.RatingConflictException;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/** Every error as application/problem+json (RFC 9457); field problems listed in {@code errors}. */
@RestControllerAdvice
public class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemHandler.class);

    @ExceptionHandler
    ResponseEntity<ProblemDetail> invalid(InvalidRequestException e) {
        return ResponseEntity.badRequest().body(withErrors(
                ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage()), e.problems()));
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> notFound(AppealNotFoundException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .body(ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage()));
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> conflict(RatingConflictException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setProperty("currentStatus", e.status());
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        LOG.error("Request failed", e);
        return ResponseEntity.internalServerError().body(ProblemDetail.forStatusAndDetail(
                HttpStatus.INTERNAL_SERVER_ERROR, "The request could not be completed; it may be retried."));
    }

    /** An unreadable body: name the field Jackson stopped at, so the caller knows what to fix. */
    @Override
    protected Mono<ResponseEntity<Object>> handleServerWebInputException(ServerWebInputException ex,
                                                                        HttpHeaders headers, HttpStatusCode status,
                                                                        ServerWebExchange exchange) {
        JacksonException jackson = jacksonCause(ex);
        if (jackson != null && !jackson.getPath().isEmpty()) {
            String field = path(jackson);
            String message = jackson instanceof UnrecognizedPropertyException ? "is not a known property"
                    : "has the wrong type or format";
            ex.getBody().setDetail("The request body could not be read");
            withErrors(ex.getBody(), List.of(new FieldProblem(field, message)));
        }
        return super.handleServerWebInputException(ex, headers, status, exchange);
    }

    private static String path(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference ref : e.getPath()) {
            if (ref.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static JacksonException jacksonCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof JacksonException jackson) {
                return jackson;
            }
        }
        return null;
    }

    private static ProblemDetail withErrors(ProblemDetail problem, List<FieldProblem> problems) {
        problem.setProperty("errors", problems.stream()
                .map(p -> Map.of("field", p.field(), "message", p.message())).toList());
        return problem;
    }
}
