package gov.appeals.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * An OIDC issuer for the tests of one service: discovery and a key set over HTTP on loopback, and access tokens
 * signed with its key carrying the claims the platform's identity server puts in ({@code sub}, {@code name},
 * {@code department}, {@code roles}). The services verify them exactly as they verify the real issuer's: they fetch
 * the metadata and keys over HTTP. The demo users follow the real issuer's naming: {@code clerk-<unit>},
 * {@code head-<unit>}, {@code triager}, {@code supervisor}, {@code operator}; anything else is a user with no role.
 */
public final class TestIssuer {

    /** The triage unit of the reference data, the triager's department. */
    public static final String TRIAGE_UNIT = "JD-JW";

    private static TestIssuer running;

    private final RSAKey key;
    private final String issuer;

    private TestIssuer(RSAKey key, String issuer) {
        this.key = key;
        this.issuer = issuer;
    }

    public static synchronized TestIssuer start() {
        if (running == null) {
            try {
                RSAKey key = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
                HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
                String issuer = "http://127.0.0.1:" + server.getAddress().getPort();
                String metadata = "{\"issuer\":\"" + issuer + "\",\"jwks_uri\":\"" + issuer + "/oauth2/jwks\","
                        + "\"subject_types_supported\":[\"public\"],"
                        + "\"id_token_signing_alg_values_supported\":[\"RS256\"]}";
                String keys = new JWKSet(key.toPublicJWK()).toString();
                server.createContext("/.well-known/openid-configuration", exchange -> json(exchange, metadata));
                server.createContext("/oauth2/jwks", exchange -> json(exchange, keys));
                server.setExecutor(null);
                server.start();
                running = new TestIssuer(key, issuer);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
        }
        return running;
    }

    /** Points a service at this issuer; use from a {@code @DynamicPropertySource} method. */
    public static void register(DynamicPropertyRegistry registry) {
        registry.add("appeals.security.issuer-uri", () -> start().issuer);
        SourceKeys.register(registry);
    }

    public String issuer() {
        return issuer;
    }

    /** An access token of a demo user, valid for an hour. */
    public String token(String user) {
        return token(user, issuer, Instant.now().plusSeconds(3600));
    }

    /** A token as another issuer would sign it, or an expired one: what a service must refuse. */
    public String token(String user, String tokenIssuer, Instant expires) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().subject(user).issuer(tokenIssuer)
                .audience("appeals-cli").issueTime(Date.from(Instant.now().minusSeconds(5)))
                .expirationTime(Date.from(expires)).claim("name", user);
        if (user.startsWith("clerk-")) {
            claims.claim("department", user.substring("clerk-".length())).claim("roles", List.of("CLERK"));
        } else if (user.startsWith("head-")) {
            claims.claim("department", user.substring("head-".length())).claim("roles", List.of("CLERK", "HEAD"));
        } else if (user.equals("triager")) {
            claims.claim("department", TRIAGE_UNIT).claim("roles", List.of("TRIAGER"));
        } else if (user.equals("supervisor")) {
            claims.claim("roles", List.of("SUPERVISOR"));
        } else if (user.equals("operator")) {
            claims.claim("roles", List.of("OPERATOR"));
        } else {
            claims.claim("roles", List.of());
        }
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                    claims.build());
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void json(HttpExchange exchange, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    /** The keys source systems sign with in tests: one per source, id {@code test-<source>}. */
    public static final class SourceKeys {

        public static final Map<String, String> SECRETS = Map.of(
                "HOTLINE_12345", "test-hotline-secret",
                "ONLINE_PORTAL", "test-portal-secret",
                "SERVICE_COMMISSIONER", "test-commissioner-secret",
                "STREET_CENTRE", "test-street-centre-secret");

        private SourceKeys() {
        }

        public static String keyId(String source) {
            return "test-" + source;
        }

        static void register(DynamicPropertyRegistry registry) {
            SECRETS.forEach((source, secret) -> registry.add("appeals.security.source-keys[" + source + "]",
                    () -> keyId(source) + ":" + secret));
        }
    }
}
