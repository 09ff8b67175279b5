package gov.appeals.kit.security;

import java.util.Collection;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** An authenticated {@link Actor}: {@code @AuthenticationPrincipal Actor actor} in a controller. */
public final class ActorAuthentication extends AbstractAuthenticationToken {

    private final Actor actor;

    public ActorAuthentication(Actor actor) {
        super(authorities(actor));
        this.actor = actor;
        setAuthenticated(true);
    }

    private static Collection<GrantedAuthority> authorities(Actor actor) {
        return actor.roles().stream().<GrantedAuthority>map(role -> new SimpleGrantedAuthority("ROLE_" + role))
                .toList();
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public Actor getPrincipal() {
        return actor;
    }

    @Override
    public String getName() {
        return actor.id();
    }
}
