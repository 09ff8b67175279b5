package gov.appeals.kit.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.ErrorResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;

import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * The last word on errors no controller advice saw (a filter's, the server's own): problem+json instead of Boot's
 * default error JSON. Runs before Boot's handler, which stays only for what this cannot write (a committed response).
 */
public class ProblemWebExceptionHandler implements WebExceptionHandler, Ordered {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemWebExceptionHandler.class);

    private final JsonMapper json;
    private final long maxRequestBytes;

    public ProblemWebExceptionHandler(JsonMapper json, long maxRequestBytes) {
        this.json = json;
        this.maxRequestBytes = maxRequestBytes;
    }

    @Override
    public int getOrder() {
        // Boot's DefaultErrorWebExceptionHandler is at -1.
        return -2;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(error);
        }
        return write(exchange, problemFor(exchange, error));
    }

    private ProblemDetail problemFor(ServerWebExchange exchange, Throwable error) {
        if (error instanceof ErrorResponse response) {
            return response.getBody();
        }
        ProblemDetail unreadable = Problems.unreadable(error, maxRequestBytes);
        if (unreadable != null) {
            return unreadable;
        }
        if (Problems.isUnavailable(error)) {
            exchange.getResponse().getHeaders().set("Retry-After", Problems.RETRY_AFTER_SECONDS);
            return Problems.unavailable();
        }
        LOG.error("Request {} {} failed", exchange.getRequest().getMethod(), exchange.getRequest().getPath(), error);
        return Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "The request could not be completed; it may be retried.");
    }

    /** Writes a problem document as the whole response; used by filters too, which no advice reaches. */
    public Mono<Void> write(ServerWebExchange exchange, ProblemDetail problem) {
        if (problem.getInstance() == null) {
            problem.setInstance(java.net.URI.create(exchange.getRequest().getPath().value()));
        }
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(HttpStatusCode.valueOf(problem.getStatus()));
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return response.writeWith(Mono.fromSupplier(() -> response.bufferFactory()
                .wrap(json.writeValueAsBytes(problem))));
    }
}
