package gov.appeals.kit.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;

import reactor.core.publisher.Mono;

/**
 * Every error a controller (or WebFlux's handler lookup: 404, 405, 406, 415) raises, as application/problem+json.
 * Services throw the kit's {@link InvalidRequestException}, {@link NotFoundException}, {@link ForbiddenException} and
 * {@link ConflictException} (or subclasses named after their domain) and need no advice of their own.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class ProblemAdvice extends ResponseEntityExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemAdvice.class);

    private final long maxRequestBytes;

    public ProblemAdvice(long maxRequestBytes) {
        this.maxRequestBytes = maxRequestBytes;
    }

    @ExceptionHandler
    Mono<ResponseEntity<Object>> invalid(InvalidRequestException e, ServerWebExchange exchange) {
        return answer(e, Problems.invalid(e.getMessage(), e.problems()), exchange);
    }

    @ExceptionHandler
    Mono<ResponseEntity<Object>> notFound(NotFoundException e, ServerWebExchange exchange) {
        return answer(e, Problems.of(HttpStatus.NOT_FOUND, e.getMessage()), exchange);
    }

    @ExceptionHandler
    Mono<ResponseEntity<Object>> forbidden(ForbiddenException e, ServerWebExchange exchange) {
        return answer(e, Problems.of(HttpStatus.FORBIDDEN, e.getMessage()), exchange);
    }

    @ExceptionHandler
    Mono<ResponseEntity<Object>> conflict(ConflictException e, ServerWebExchange exchange) {
        ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, e.getMessage());
        if (e.currentStatus() != null) {
            problem.setProperty("currentStatus", e.currentStatus());
        }
        return answer(e, problem, exchange);
    }

    @ExceptionHandler
    Mono<ResponseEntity<Object>> tooLarge(DataBufferLimitException e, ServerWebExchange exchange) {
        return answer(e, Problems.tooLarge(maxRequestBytes), exchange);
    }

    /** Anything else: an ErrorResponse keeps its status; the rest is a 500 that says no more than it must. */
    @ExceptionHandler
    Mono<ResponseEntity<Object>> unexpected(Exception e, ServerWebExchange exchange) {
        if (e instanceof ErrorResponse response) {
            return answer(e, response.getBody(), exchange);
        }
        ProblemDetail unreadable = Problems.unreadable(e, maxRequestBytes);
        if (unreadable != null) {
            return answer(e, unreadable, exchange);
        }
        if (Problems.isUnavailable(e)) {
            LOG.warn("Request {} {} found the store or broker unavailable: {}", exchange.getRequest().getMethod(),
                    exchange.getRequest().getPath(), e.toString());
            HttpHeaders headers = new HttpHeaders();
            headers.set(HttpHeaders.RETRY_AFTER, Problems.RETRY_AFTER_SECONDS);
            return handleExceptionInternal(e, Problems.unavailable(), headers, HttpStatus.SERVICE_UNAVAILABLE,
                    exchange);
        }
        LOG.error("Request {} {} failed", exchange.getRequest().getMethod(), exchange.getRequest().getPath(), e);
        return answer(e, Problems.of(HttpStatus.INTERNAL_SERVER_ERROR,
                "The request could not be completed; it may be retried."), exchange);
    }

    @Override
    protected Mono<ResponseEntity<Object>> handleServerWebInputException(ServerWebInputException ex,
                                                                        HttpHeaders headers, HttpStatusCode status,
                                                                        ServerWebExchange exchange) {
        ProblemDetail unreadable = Problems.unreadable(ex, maxRequestBytes);
        if (unreadable != null) {
            return handleExceptionInternal(ex, unreadable, headers, HttpStatusCode.valueOf(unreadable.getStatus()),
                    exchange);
        }
        return super.handleServerWebInputException(ex, headers, status, exchange);
    }

    @Override
    protected Mono<ResponseEntity<Object>> handleWebExchangeBindException(WebExchangeBindException ex,
                                                                         HttpHeaders headers, HttpStatusCode status,
                                                                         ServerWebExchange exchange) {
        ProblemDetail problem = Problems.invalid("The request has invalid fields", ex.getFieldErrors().stream()
                .map(error -> new FieldProblem(error.getField(), error.getDefaultMessage())).toList());
        return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, exchange);
    }

    private Mono<ResponseEntity<Object>> answer(Exception e, ProblemDetail problem, ServerWebExchange exchange) {
        return handleExceptionInternal(e, problem, new HttpHeaders(), HttpStatusCode.valueOf(problem.getStatus()),
                exchange);
    }
}
