package gov.appeals.kit.security;

import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.ReactiveAuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.server.authorization.AuthorizationContext;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;

import reactor.core.publisher.Mono;

/**
 * The last row of every service's matrix. A request that a controller would serve but that no row names is refused
 * (a new endpoint stays closed until it is listed); a logged-in actor's request that no controller serves is let
 * through, so that it gets the framework's 404 or 405 rather than a 403 that suggests the path exists.
 */
final class UnlistedEndpoints implements ReactiveAuthorizationManager<AuthorizationContext> {

    private final RequestMappingHandlerMapping controllers;

    UnlistedEndpoints(RequestMappingHandlerMapping controllers) {
        this.controllers = controllers;
    }

    @Override
    public Mono<AuthorizationResult> authorize(Mono<Authentication> authentication, AuthorizationContext context) {
        return authentication.filter(Authentication::isAuthenticated)
                .flatMap(known -> controllers.getHandler(context.getExchange())
                        .map(served -> (AuthorizationResult) new AuthorizationDecision(false))
                        // No mapping, or only for another method: the framework answers 404 or 405.
                        .onErrorResume(notServed -> Mono.just(new AuthorizationDecision(true)))
                        .defaultIfEmpty(new AuthorizationDecision(true)))
                .defaultIfEmpty(new AuthorizationDecision(false));
    }
}
