package gov.appeals.kit.web;

import java.time.Duration;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Mono;

/**
 * No client is left waiting: a request not answered within {@code appeals.http.answer-within} is answered 503 with
 * Retry-After, and the service logs which one it was (method and path: ids, never a body). Whatever held it up is
 * cancelled. A live stream (Server-Sent Events: asked for, or what the answer turned out to be) is exempt, since it is
 * meant to stay open.
 */
public class AnswerDeadline implements WebFilter, Ordered {

    private static final Logger LOG = LoggerFactory.getLogger(AnswerDeadline.class);

    private final Duration within;
    private final ProblemWebExceptionHandler problems;

    public AnswerDeadline(Duration within, ProblemWebExceptionHandler problems) {
        this.within = within;
        this.problems = problems;
    }

    @Override
    public int getOrder() {
        // Outside every other filter, so that the deadline covers authentication and the guards too.
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (isStream(exchange)) {
            return chain.filter(exchange);
        }
        Mono<Long> deadline = Mono.delay(within)
                .flatMap(tick -> isStreaming(exchange) ? Mono.<Long>never() : Mono.just(tick));
        return chain.filter(exchange).timeout(deadline, Mono.defer(() -> late(exchange)));
    }

    private Mono<Void> late(ServerWebExchange exchange) {
        LOG.warn("{} {} unanswered after {}: answered 503, the client may retry", exchange.getRequest().getMethod(),
                exchange.getRequest().getPath().value(), within);
        if (exchange.getResponse().isCommitted()) {
            // Headers are out: nothing better than ending the answer, which the client sees cut short.
            return Mono.error(new TimeoutException("answer not finished within " + within));
        }
        exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, Problems.RETRY_AFTER_SECONDS);
        exchange.getResponse().getHeaders().setConnection("close");
        return problems.write(exchange, Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "The request was not answered "
                + "within " + within.toSeconds() + " s. A read may simply be sent again; a write may or may not have "
                + "taken effect, and sending the same request again is safe: every write is idempotent."));
    }

    private static boolean isStreaming(ServerWebExchange exchange) {
        MediaType type = exchange.getResponse().getHeaders().getContentType();
        return type != null && MediaType.TEXT_EVENT_STREAM.equalsTypeAndSubtype(type);
    }

    private static boolean isStream(ServerWebExchange exchange) {
        try {
            return exchange.getRequest().getHeaders().getAccept().stream()
                    .anyMatch(MediaType.TEXT_EVENT_STREAM::equalsTypeAndSubtype);
        } catch (RuntimeException unparsable) {
            return false;
        }
    }
}
