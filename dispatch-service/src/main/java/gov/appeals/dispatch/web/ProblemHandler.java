package gov.appeals.dispatch.web;

import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.buffer.DataBufferLimitException;
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

import gov.appeals.dispatch.queue.AppealNotFoundException;
import gov.appeals.dispatch.queue.FieldProblem;
import gov.appeals.dispatch.queue.InvalidRequestException;
import gov.appeals.dispatch.queue.NotInQueueException;
import gov.appeals.dispatch.queue.UnknownUnitException;
import gov.appeals.dispatch.queue.WrongStatusException;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/** Every error as application/problem+json (RFC 9457); field problems listed as {@code errors: [{field, message}]}. */
@RestControllerAdvice
public class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    @ExceptionHandler({UnknownUnitException.class, AppealNotFoundException.class, NotInQueueException.class})
    ProblemDetail notFound(RuntimeException e) {
        return problem(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail wrongStatus(WrongStatusException e) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT, e.getMessage());
        problem.setProperty("appealStatus", e.status().name());
        return problem;
    }

    @ExceptionHandler
    ProblemDetail invalid(InvalidRequestException e) {
        return invalid(e.getMessage(), e.problems());
    }

    @ExceptionHandler
    ProblemDetail unexpected(Exception e) {
        log.error("Unhandled error", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "The request could not be completed.");
    }

    /** Unreadable bodies: name the offending field when Jackson knows it; oversize bodies are 413, not 400. */
    @Override
    protected Mono<ResponseEntity<Object>> handleServerWebInputException(ServerWebInputException ex,
                                                                        HttpHeaders headers, HttpStatusCode status,
                                                                        ServerWebExchange exchange) {
        if (causedBy(ex, DataBufferLimitException.class) != null) {
            return handleExceptionInternal(ex, problem(HttpStatus.PAYLOAD_TOO_LARGE,
                    "The request body exceeds the size limit."), headers, HttpStatus.PAYLOAD_TOO_LARGE, exchange);
        }
        JacksonException jackson = causedBy(ex, JacksonException.class);
        if (jackson != null && !jackson.getPath().isEmpty()) {
            String field = path(jackson.getPath());
            String message = jackson instanceof UnrecognizedPropertyException
                    ? "is not a known property" : "has the wrong type or format";
            return handleExceptionInternal(ex, invalid("The request body is not valid: " + field + " " + message + ".",
                    List.of(new FieldProblem(field, message))), headers, HttpStatus.BAD_REQUEST, exchange);
        }
        if (jackson != null) {
            return handleExceptionInternal(ex, problem(HttpStatus.BAD_REQUEST, "The request body is not valid JSON."),
                    headers, HttpStatus.BAD_REQUEST, exchange);
        }
        return super.handleServerWebInputException(ex, headers, status, exchange);
    }

    private static ProblemDetail invalid(String detail, List<FieldProblem> problems) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, detail);
        problem.setProperty("errors", problems.stream()
                .map(p -> Map.of("field", p.field(), "message", p.message())).toList());
        return problem;
    }

    private static ProblemDetail problem(HttpStatus status, String detail) {
        return ProblemDetail.forStatusAndDetail(status, detail);
    }

    private static String path(List<JacksonException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : references) {
            if (reference.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static <T extends Throwable> T causedBy(Throwable error, Class<T> type) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
