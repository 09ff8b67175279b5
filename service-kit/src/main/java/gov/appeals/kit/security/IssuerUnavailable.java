package gov.appeals.kit.security;

import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.oauth2.jwt.JwtDecoderInitializationException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;

import gov.appeals.kit.web.ProblemWebExceptionHandler;
import gov.appeals.kit.web.Problems;
import reactor.core.publisher.Mono;

/**
 * A token that could not be checked because the identity provider (its metadata or keys) could not be reached: a
 * 503 the client may retry, like a store that is away, rather than a 401 that blames the token or a 500.
 */
final class IssuerUnavailable implements WebExceptionHandler, Ordered {

    private final ProblemWebExceptionHandler problems;

    IssuerUnavailable(ProblemWebExceptionHandler problems) {
        this.problems = problems;
    }

    @Override
    public int getOrder() {
        // Before the kit's ProblemWebExceptionHandler (-2), which would call it a 500.
        return -3;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        if (exchange.getResponse().isCommitted()
                || Problems.causeOf(error, AuthenticationServiceException.class) == null
                && Problems.causeOf(error, JwtDecoderInitializationException.class) == null) {
            return Mono.error(error);
        }
        exchange.getResponse().getHeaders().set("Retry-After", Problems.RETRY_AFTER_SECONDS);
        return problems.write(exchange, Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "The identity provider cannot be "
                + "reached to check the access token; nothing was changed, and the request may be sent again"));
    }
}
