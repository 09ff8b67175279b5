package gov.appeals.kit.security;

import org.springframework.security.config.web.server.ServerHttpSecurity;

/**
 * A service's rows of the authorization matrix ({@code docs/security.md}): which roles may call which of its
 * endpoints. The kit adds the rows every service shares (health, docs, dead letters) and refuses whatever no row
 * names. Which department's or source's appeal an actor may touch is decided by the service's own domain code.
 */
@FunctionalInterface
public interface AccessRules {

    void authorize(ServerHttpSecurity.AuthorizeExchangeSpec rules);
}
