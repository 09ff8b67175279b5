package gov.appeals.identity;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The issuer's settings ({@code appeals.issuer.*}, bound from the environment in {@code application.yml}).
 *
 * @param uri                  the issuer URL, the tokens' {@code iss} ({@code ISSUER_URI})
 * @param keyFile              the signing key's JWK file ({@code ISSUER_KEY_FILE})
 * @param demoPassword         every demo user's password ({@code DEMO_PASSWORD}); local only
 * @param referenceDir         a reference-data directory ({@code APPEALS_REFERENCE_DIR}); blank: the bundled data
 * @param consoleRedirectUris  the console client's redirect URIs ({@code CONSOLE_REDIRECT_URIS}, comma-separated)
 * @param cliTokenTtl          access token lifetime of {@code appeals-cli}
 * @param consoleTokenTtl      access token lifetime of {@code appeals-console}
 */
@ConfigurationProperties("appeals.issuer")
public record IssuerProperties(
        String uri,
        Path keyFile,
        String demoPassword,
        String referenceDir,
        List<String> consoleRedirectUris,
        Duration cliTokenTtl,
        Duration consoleTokenTtl) {

    @Override
    public String toString() {
        // never the password
        return "IssuerProperties[uri=" + uri + ", keyFile=" + keyFile + ", referenceDir=" + referenceDir
                + ", consoleRedirectUris=" + consoleRedirectUris + "]";
    }
}
