package gov.appeals.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link IssuerLogin} against the real issuer: {@code target/services/identity-server.jar} started as the launcher
 * starts it (its JVM options, loopback, a fresh data directory, a free port).
 */
class IssuerLoginIT {

    private static Process issuer;
    private static URI issuerUrl;
    private static Path log;

    @BeforeAll
    static void startTheIssuer() throws Exception {
        Path jar = Layout.ofRunningCode().issuerJar();
        assertThat(jar).as("the issuer jar, copied at package").isRegularFile();
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        issuerUrl = URI.create("http://127.0.0.1:" + port);
        Path dataDir = Files.createTempDirectory("issuer-it-");
        log = dataDir.resolve("identity-server.log");
        List<String> command = new java.util.ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JvmOptions.issuer());
        command.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("ISSUER_PORT", Integer.toString(port));
        builder.environment().put("ISSUER_URI", issuerUrl.toString());
        builder.environment().put("SERVER_ADDRESS", "127.0.0.1");
        builder.environment().put("APPEALS_DATA_DIR", dataDir.toString());
        builder.environment().remove("DEMO_PASSWORD");
        issuer = builder.start();
        Part.Readiness health = Probes.http(issuerUrl + "/actuator/health", "\"UP\"");
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (!health.isReady()) {
            if (!issuer.isAlive() || Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("The issuer did not start; its log:\n" + Files.readString(log));
            }
            Thread.sleep(200);
        }
    }

    @AfterAll
    static void stopTheIssuer() throws InterruptedException {
        if (issuer != null) {
            issuer.destroy();
            if (!issuer.waitFor(20, TimeUnit.SECONDS)) {
                issuer.destroyForcibly();
            }
        }
    }

    @Test
    void aClerkGetsATokenNamingItsDepartmentRolesAndName() {
        String token = IssuerLogin.accessToken(issuerUrl, "clerk-JD-SWJ", "demo");

        String[] parts = token.split("\\.");
        assertThat(parts).hasSize(3);
        String header = new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8);
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        assertThat(header).contains("\"alg\":\"RS256\"").contains("\"kid\"");
        assertThat(payload)
                .contains("\"sub\":\"clerk-JD-SWJ\"")
                .contains("\"iss\":\"" + issuerUrl + "\"")
                .contains("\"aud\":\"appeals-cli\"")
                .contains("\"department\":\"JD-SWJ\"")
                .contains("\"roles\":[\"CLERK\"]")
                .contains("\"name\":\"区税务局 科员\"");
    }

    @Test
    void theSupervisorsTokenHasNoDepartment() {
        String token = IssuerLogin.accessToken(issuerUrl, "supervisor", "demo");

        String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        assertThat(payload).contains("\"roles\":[\"SUPERVISOR\"]").doesNotContain("\"department\"");
    }

    @Test
    void aWrongPasswordOrAnUnknownUserIsRefusedWithAClearMessage() {
        assertThatThrownBy(() -> IssuerLogin.accessToken(issuerUrl, "clerk-JD-SWJ", "wrong"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("refused the login of 'clerk-JD-SWJ': wrong password or unknown user");
        assertThatThrownBy(() -> IssuerLogin.accessToken(issuerUrl, "clerk-NOWHERE", "demo"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("wrong password or unknown user");
    }

    @Test
    void theLogNamesNeitherPasswordsNorTokens() throws IOException {
        String token = IssuerLogin.accessToken(issuerUrl, "operator", "demo");

        String written = Files.readString(log);
        assertThat(written).doesNotContain(token).doesNotContain("password=");
    }
}
