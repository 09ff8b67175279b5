package gov.appeals.kit.security;

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

    private final ProblemWebExceptionHandler problems;

    SecurityProblems(ProblemWebExceptionHandler problems) {
        this.problems = problems;
    }

    ServerAuthenticationEntryPoint entryPoint() {
        return (exchange, failure) -> unauthorized(exchange, failure);
    }

    ServerAccessDeniedHandler deniedHandler() {
        return (exchange, denied) -> problems.write(exchange, Problems.of(HttpStatus.FORBIDDEN,
                "No role of yours may " + exchange.getRequest().getMethod() + " "
                        + exchange.getRequest().getPath().value()
                        + " (docs/security.md lists who may do what; a path not listed there is closed to all)"));
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
        return problems.write(exchange, Problems.of(HttpStatus.UNAUTHORIZED, detail));
    }
}
