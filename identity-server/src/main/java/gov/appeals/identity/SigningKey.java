package gov.appeals.identity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;

/**
 * The issuer's RSA signing key, kept as a JWK JSON file so tokens issued before a restart still verify after it:
 * created (RSA 2048, a random key id) on the first start, read on every later one. The file holds the private key;
 * it is written readable by its owner only where the file system allows.
 */
public final class SigningKey {

    private SigningKey() {
    }

    public static RSAKey loadOrCreate(Path file) {
        try {
            if (Files.isRegularFile(file)) {
                return read(file);
            }
            RSAKey key = new RSAKeyGenerator(2048)
                    .keyID(UUID.randomUUID().toString())
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256)
                    .generate();
            write(file, key);
            // Another issuer starting on the same data directory at the same time may have won: use what is there.
            return read(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or write the signing key " + file, e);
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot generate an RSA signing key", e);
        }
    }

    private static RSAKey read(Path file) throws IOException {
        try {
            JWK jwk = JWK.parse(Files.readString(file, StandardCharsets.UTF_8));
            if (!(jwk instanceof RSAKey rsa) || !rsa.isPrivate()) {
                throw new IllegalStateException(file + " does not hold a private RSA JWK");
            }
            return rsa;
        } catch (ParseException e) {
            throw new IllegalStateException(file + " is not a JWK: " + e.getMessage(), e);
        }
    }

    private static void write(Path file, RSAKey key) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, ".signing-key", ".tmp");
        try {
            try {
                Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // e.g. Windows: the directory's permissions apply
            }
            Files.writeString(temp, key.toJSONString(), StandardCharsets.UTF_8);
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file);
            }
        } catch (FileAlreadyExistsException lostTheRace) {
            // read(file) below takes the other one's key
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
