package gov.appeals.kit.security;

import java.time.Duration;

import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.web.server.ServerWebExchange;

import gov.appeals.kit.web.ProblemWebExceptionHandler;
import gov.appeals.kit.web.Problems;
import reactor.core.publisher.Mono;

/** 401 and 403 as problem+json, like every other error, saying what to send instead. */
final class SecurityProblems {

    private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(10);

    private final ProblemWebExceptionHandler problems;
    private final int maxBodyBytes;

    SecurityProblems(ProblemWebExceptionHandler problems, int maxBodyBytes) {
        this.problems = problems;
        this.maxBodyBytes = maxBodyBytes;
    }

    /**
     * Answers only once the request's body (within the size limit) has been read and dropped. A refusal sent while
     * the client is still sending its body was seen to leave the client waiting for an answer that never came; a
     * body over the limit is not read, and RequestGuard closes that connection after the answer.
     */
    static Mono<Void> afterBody(ServerWebExchange exchange, int maxBodyBytes, Mono<Void> answer) {
        return DataBufferUtils.join(exchange.getRequest().getBody(), maxBodyBytes)
                .doOnNext(DataBufferUtils::release)
                .timeout(DRAIN_TIMEOUT)
                .onErrorResume(unread -> Mono.empty())
                .then(answer);
    }

    ServerAuthenticationEntryPoint entryPoint() {
        return (exchange, failure) -> unauthorized(exchange, failure);
    }

    ServerAccessDeniedHandler deniedHandler() {
        return (exchange, denied) -> afterBody(exchange, maxBodyBytes, problems.write(exchange,
                Problems.of(HttpStatus.FORBIDDEN, "No role of yours may " + exchange.getRequest().getMethod() + " "
                        + exchange.getRequest().getPath().value()
                        + " (docs/security.md lists who may do what; a path not listed there is closed to all)")));
    }

    private Mono<Void> unauthorized(ServerWebExchange exchange, AuthenticationException failure) {
        String detail;
        if (failure instanceof OAuth2AuthenticationException oauth && oauth.getError().getDescription() != null) {
            detail = "The access token is refused: " + oauth.getError().getDescription();
        } else if (exchange.getRequest().getHeaders().containsHeader(HttpHeaders.AUTHORIZATION)) {
            detail = "The access token is refused: " + failure.getMessage();
        } else {
            detail = "Log in: send an access token from the identity provider (Authorization: Bearer …), "
                    + "or, for a source system, sign the request (X-Appeals-Key, -Timestamp, -Nonce, -Signature)";
        }
        exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        return afterBody(exchange, maxBodyBytes,
                problems.write(exchange, Problems.of(HttpStatus.UNAUTHORIZED, detail)));
    }
}
