package gov.appeals.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The issuer on a free port, driven over HTTP as the command line and the console drive it. The port is chosen
 * before the context starts because the issuer URL (the tokens' {@code iss}) names it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class IdentityServerTest {

    private static final int PORT = freePort();
    private static final URI ISSUER = URI.create("http://127.0.0.1:" + PORT);

    @DynamicPropertySource
    static void issuer(DynamicPropertyRegistry registry) throws IOException {
        Path keyDir = Files.createTempDirectory("issuer-test-");
        registry.add("server.port", () -> PORT);
        registry.add("appeals.issuer.uri", ISSUER::toString);
        registry.add("appeals.issuer.key-file", () -> keyDir.resolve("signing-key.json").toString());
        registry.add("appeals.issuer.demo-password", () -> "demo");
    }

    @Test
    void discoveryNamesTheConfiguredIssuerAndItsKeys() throws Exception {
        HttpResponse<String> discovery = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(ISSUER.resolve("/.well-known/openid-configuration")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(discovery.statusCode()).isEqualTo(200);
        assertThat(discovery.body()).contains("\"issuer\":\"" + ISSUER + "\"")
                .contains("\"jwks_uri\":\"" + ISSUER + "/oauth2/jwks\"");
    }

    @Test
    void aClerkLogsInWithPkceAndGetsASignedTokenNamingItsDepartmentAndRole() throws Exception {
        Jwt token = decoder().decode(PkceLogin.accessToken(ISSUER, "clerk-JD-SWJ", "demo"));

        assertThat(token.getSubject()).isEqualTo("clerk-JD-SWJ");
        assertThat(token.getClaimAsString("iss")).isEqualTo(ISSUER.toString());
        assertThat(token.getAudience()).containsExactly(AuthorizationServerConfig.CLI_CLIENT);
        assertThat(token.getClaimAsString("department")).isEqualTo("JD-SWJ");
        assertThat(token.getClaimAsStringList("roles")).containsExactly("CLERK");
        assertThat(token.getClaimAsString("name")).isEqualTo("区税务局 科员");
        assertThat(token.getClaimAsStringList("scope")).containsExactlyInAnyOrder("openid", "profile");
        assertThat(token.getHeaders()).containsEntry("alg", "RS256").containsKey("kid");
        assertThat(token.getExpiresAt()).isAfter(token.getIssuedAt().plusSeconds(3500));
    }

    @Test
    void aStreetCentreHeadIsBothClerkAndHead() throws Exception {
        Jwt token = decoder().decode(PkceLogin.accessToken(ISSUER, "head-ST-XH", "demo"));

        assertThat(token.getClaimAsString("department")).isEqualTo("ST-XH");
        assertThat(token.getClaimAsStringList("roles")).containsExactly("CLERK", "HEAD");
    }

    @Test
    void theIdTokenCarriesTheSameClaimsAsTheAccessToken() throws Exception {
        Jwt idToken = decoder().decode(PkceLogin.tokens(ISSUER, "triager", "demo").get("id_token"));

        assertThat(idToken.getSubject()).isEqualTo("triager");
        assertThat(idToken.getClaimAsString("department")).isEqualTo("JD-JW");
        assertThat(idToken.getClaimAsStringList("roles")).containsExactly("TRIAGER");
        assertThat(idToken.getClaimAsString("name")).isEqualTo("区经委 分派员");
    }

    @Test
    void theSupervisorHasNoDepartmentClaim() throws Exception {
        Jwt token = decoder().decode(PkceLogin.accessToken(ISSUER, "supervisor", "demo"));

        assertThat(token.getClaims()).doesNotContainKey("department");
        assertThat(token.getClaimAsStringList("roles")).containsExactly("SUPERVISOR");
        assertThat(token.getClaimAsString("name")).isEqualTo("区督办");
    }

    @Test
    void aWrongPasswordIsRefusedAtTheLoginForm() {
        assertThatThrownBy(() -> PkceLogin.accessToken(ISSUER, "clerk-JD-SWJ", "not-the-password"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("wrong password or unknown user");
    }

    @Test
    void theHealthEndpointAnswersUpWithoutLogin() throws Exception {
        HttpResponse<String> health = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(ISSUER.resolve("/actuator/health")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"UP\"");
    }

    /**
     * Verifies the signature against the issuer's JWKS and checks {@code iss} and the times, as a resource server
     * does. (Not {@code JwtDecoders.fromIssuerLocation}: its discovery request has a short read timeout, which a busy
     * two-core machine can miss; the discovery document has its own test.)
     */
    private static JwtDecoder decoder() {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(ISSUER + "/oauth2/jwks").build();
        decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(ISSUER.toString()));
        return decoder;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
