package gov.appeals.feedback.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;

import gov.appeals.feedback.answer.CaseNotFoundException;
import gov.appeals.feedback.casefile.CaseNotAnswerableException;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Every error as application/problem+json (RFC 9457). Problems with the request body name each field in
 * {@code errors: [{field, message}]}, field paths dotted ({@code enterprise.creditCode}).
 */
@RestControllerAdvice
public class ProblemAdvice extends ResponseEntityExceptionHandler {

    /** One field the request got wrong. */
    public record FieldProblem(String field, String message) {
    }

    @ExceptionHandler(CaseNotFoundException.class)
    public Mono<ResponseEntity<Object>> caseNotFound(CaseNotFoundException e, ServerWebExchange exchange) {
        return problem(e, HttpStatus.NOT_FOUND, ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage()),
                exchange);
    }

    @ExceptionHandler(CaseNotAnswerableException.class)
    public Mono<ResponseEntity<Object>> notAnswerable(CaseNotAnswerableException e, ServerWebExchange exchange) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setProperty("appealStatus", String.valueOf(e.status()));
        return problem(e, HttpStatus.CONFLICT, problem, exchange);
    }

    @ExceptionHandler(DataBufferLimitException.class)
    public Mono<ResponseEntity<Object>> tooLarge(DataBufferLimitException e, ServerWebExchange exchange) {
        return problem(e, HttpStatus.CONTENT_TOO_LARGE, tooLargeProblem(), exchange);
    }

    @Override
    protected Mono<ResponseEntity<Object>> handleWebExchangeBindException(WebExchangeBindException ex,
            HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The request has invalid fields");
        problem.setProperty("errors", ex.getFieldErrors().stream()
                .map(error -> new FieldProblem(error.getField(), error.getDefaultMessage()))
                .toList());
        return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, exchange);
    }

    @Override
    protected Mono<ResponseEntity<Object>> handleServerWebInputException(ServerWebInputException ex,
            HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        if (causeOf(ex, DataBufferLimitException.class) != null) {
            return handleExceptionInternal(ex, tooLargeProblem(), headers, HttpStatus.CONTENT_TOO_LARGE, exchange);
        }
        JacksonException json = causeOf(ex, JacksonException.class);
        if (json == null || json.getPath().isEmpty()) {
            return super.handleServerWebInputException(ex, headers, status, exchange);
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The request body is not valid");
        problem.setProperty("errors", List.of(new FieldProblem(path(json), reason(json))));
        return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, exchange);
    }

    private Mono<ResponseEntity<Object>> problem(Exception e, HttpStatus status, ProblemDetail problem,
                                                 ServerWebExchange exchange) {
        return handleExceptionInternal(e, problem, new HttpHeaders(), status, exchange);
    }

    private static ProblemDetail tooLargeProblem() {
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE, "The request body is too large");
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

    private static String reason(JacksonException e) {
        if (e instanceof UnrecognizedPropertyException) {
            return "is not a known property";
        }
        if (e instanceof InvalidFormatException invalid && invalid.getTargetType() != null
                && invalid.getTargetType().isEnum()) {
            List<String> names = new ArrayList<>();
            for (Object constant : invalid.getTargetType().getEnumConstants()) {
                names.add(((Enum<?>) constant).name());
            }
            return "must be one of " + String.join(", ", names);
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            Class<?> type = mismatch.getTargetType();
            return "must be a " + (type == String.class ? "string" : type.getSimpleName().toLowerCase(Locale.ROOT));
        }
        return "is not readable";
    }

    private static <T extends Throwable> T causeOf(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
