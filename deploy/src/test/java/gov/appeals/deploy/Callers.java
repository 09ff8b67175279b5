package gov.appeals.deploy;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who the tests call the platform as: the 12345 hotline (requests signed with the local run's demo key) or a demo
 * user, logged in at the platform's issuer once per test run (a token lasts an hour).
 */
final class Callers {

    static final String PASSWORD = "demo";

    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

    private final PlatformConfig config;

    private Callers(PlatformConfig config) {
        this.config = config;
    }

    static Callers of(PlatformConfig config) {
        return new Callers(config);
    }

    Http.Caller hotline() {
        return Http.Caller.signed(HotlineSignature.parse(PlatformConfig.DEMO_HOTLINE_KEY));
    }

    Http.Caller user(String name) {
        return Http.Caller.bearer(token(name));
    }

    String token(String name) {
        return TOKENS.computeIfAbsent(config.issuerUrl() + " " + name,
                key -> IssuerLogin.accessToken(URI.create(config.issuerUrl()), name, PASSWORD));
    }

    Http.Caller supervisor() {
        return user("supervisor");
    }
}
