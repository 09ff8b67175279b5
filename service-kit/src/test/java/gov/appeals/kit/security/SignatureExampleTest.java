package gov.appeals.kit.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The signing scheme as docs/security.md tells integrators: its worked example, and the replay window. */
class SignatureExampleTest {

    @Test
    void signsTheDocumentedExampleToTheDocumentedSignature() {
        String canonical = RequestSignature.canonical("GET", "/api/v1/appeals/abc", 1764400000L, "nonce-0001",
                new byte[0]);

        assertThat(canonical).isEqualTo("GET\n/api/v1/appeals/abc\n1764400000\nnonce-0001\n"
                + "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assertThat(RequestSignature.sign("demo-secret-change-me", canonical))
                .isEqualTo("Rk3zlKky7piV8y/44u2wrPXi6HDNlxRi6dy0KpHAhXg=");
    }

    @Test
    void aChangedBodyPathOrTimeNoLongerMatches() {
        byte[] body = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
        String signature = RequestSignature.sign("s", RequestSignature.canonical("POST", "/x", 1, "n-000001", body));

        assertThat(RequestSignature.matches("s", RequestSignature.canonical("POST", "/x", 1, "n-000001", body),
                signature)).isTrue();
        assertThat(RequestSignature.matches("s", RequestSignature.canonical("POST", "/x", 1, "n-000001",
                "{\"a\":2}".getBytes(StandardCharsets.UTF_8)), signature)).isFalse();
        assertThat(RequestSignature.matches("s", RequestSignature.canonical("POST", "/y", 1, "n-000001", body),
                signature)).isFalse();
        assertThat(RequestSignature.matches("s", RequestSignature.canonical("POST", "/x", 2, "n-000001", body),
                signature)).isFalse();
        assertThat(RequestSignature.matches("s", "anything", null)).isFalse();
    }

    @Test
    void aNonceIsAcceptedOnceWithinTheWindowAndTimestampsOutsideItAreStale() {
        Clock clock = Clock.fixed(Instant.ofEpochSecond(1_000_000), ZoneOffset.UTC);
        NonceWindow window = new NonceWindow(Duration.ofSeconds(300), clock);

        assertThat(window.firstUse("k", "n-1", 1_000_000)).isTrue();
        assertThat(window.firstUse("k", "n-1", 1_000_000)).isFalse();
        assertThat(window.firstUse("other-key", "n-1", 1_000_000)).isTrue();
        assertThat(window.inWindow(1_000_000 - 300)).isTrue();
        assertThat(window.inWindow(1_000_000 - 301)).isFalse();
        assertThat(window.inWindow(1_000_000 + 301)).isFalse();
    }

    @Test
    void keysAreKeyIdColonSecretPerSourceAndAnIdGivenTwiceIsRefused() {
        SigningKeys keys = SigningKeys.parse(Map.of("HOTLINE_12345", "old:s1, new:s2:with:colons",
                "ONLINE_PORTAL", ""));

        assertThat(keys.find("new")).hasValueSatisfying(key -> {
            assertThat(key.secret()).isEqualTo("s2:with:colons");
            assertThat(key.source()).isEqualTo("HOTLINE_12345");
            assertThat(key.toString()).doesNotContain("s2");
        });
        assertThat(keys.find("old")).isPresent();
        assertThat(keys.find("nope")).isEmpty();
        assertThatThrownBy(() -> SigningKeys.parse(Map.of("A", "k:1", "B", "k:2")))
                .hasMessageContaining("configured twice");
        assertThatThrownBy(() -> SigningKeys.parse(Map.of("A", "no-secret"))).hasMessageContaining("keyId:secret")
                .hasMessageNotContaining("no-secret");
    }
}
