package gov.appeals.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.util.Map;

import org.junit.jupiter.api.Test;

class IssuerLoginTest {

    @Test
    void findsTheIssuerFromTheEnvironment() {
        assertThat(IssuerLogin.issuer(Map.of())).isEqualTo(URI.create("http://127.0.0.1:9000"));
        assertThat(IssuerLogin.issuer(Map.of("ISSUER_PORT", "9100"))).isEqualTo(URI.create("http://127.0.0.1:9100"));
        assertThat(IssuerLogin.issuer(Map.of("ISSUER_PORT", "9100", "ISSUER_URI", "http://id.local:8000")))
                .isEqualTo(URI.create("http://id.local:8000"));
    }

    @Test
    void readsTheCsrfTokenFromSpringSecuritysLoginPage() {
        String page = "<form method=\"post\" action=\"/login\"><input name=\"username\" />"
                + "<input name=\"_csrf\" type=\"hidden\" value=\"abc-123_X\" /></form>";

        assertThat(IssuerLogin.csrfToken(page)).contains("abc-123_X");
        assertThat(IssuerLogin.csrfToken("<form></form>")).isEmpty();
    }

    @Test
    void derivesTheS256ChallengeOfRfc7636sExample() {
        assertThat(IssuerLogin.s256("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"))
                .isEqualTo("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
    }

    @Test
    void saysSoWhenNoIssuerListens() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        URI nowhere = URI.create("http://127.0.0.1:" + port);

        assertThatThrownBy(() -> IssuerLogin.accessToken(nowhere, "clerk-JD-SWJ", "demo"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("is not reachable");
    }
}
