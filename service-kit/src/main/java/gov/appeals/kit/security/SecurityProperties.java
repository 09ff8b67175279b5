package gov.appeals.kit.security;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code appeals.security.*}.
 *
 * @param issuerUri       the OAuth2/OIDC issuer whose access tokens are accepted (env {@code ISSUER_URI})
 * @param issuerTimeout   how long fetching the issuer's metadata and keys may take
 * @param sourceKeys      per source system ({@code HOTLINE_12345} …), its signing keys {@code keyId:secret,…}
 * @param signatureWindow how far a signed request's timestamp may be from now, and how long its nonce is kept
 */
@ConfigurationProperties("appeals.security")
public record SecurityProperties(URI issuerUri, @DefaultValue("5s") Duration issuerTimeout,
                                 Map<String, String> sourceKeys, @DefaultValue("300s") Duration signatureWindow) {

    public SecurityProperties {
        sourceKeys = sourceKeys == null ? Map.of() : Map.copyOf(sourceKeys);
    }
}
