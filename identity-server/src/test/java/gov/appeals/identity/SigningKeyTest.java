package gov.appeals.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import com.nimbusds.jose.jwk.RSAKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SigningKeyTest {

    @Test
    void theKeyMadeOnTheFirstStartIsReadBackOnTheNext(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("issuer").resolve("signing-key.json");

        RSAKey first = SigningKey.loadOrCreate(file);
        RSAKey second = SigningKey.loadOrCreate(file);

        assertThat(Files.isRegularFile(file)).isTrue();
        assertThat(first.size()).isEqualTo(2048);
        assertThat(first.getKeyID()).isNotBlank();
        assertThat(second.getKeyID()).isEqualTo(first.getKeyID());
        assertThat(second.toRSAPrivateKey()).isEqualTo(first.toRSAPrivateKey());
        assertThat(Files.getPosixFilePermissions(file)).hasSize(2);
    }
}
