package gov.appeals.notification.callback.web;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

import gov.appeals.kit.security.SigningKeys;

/**
 * Where and how patiently the 12345 system is called back.
 *
 * @param callbackUrl     the 12345 status-callback endpoint (env {@code HOTLINE_CALLBACK_URL})
 * @param connectTimeout  how long to wait for a connection
 * @param responseTimeout how long to wait for the answer once the request is sent
 * @param callbackKey     {@code keyId:secret} every callback is signed with (env {@code HOTLINE_CALLBACK_KEY})
 */
@ConfigurationProperties("appeals.hotline")
public record HotlineProperties(URI callbackUrl, Duration connectTimeout, Duration responseTimeout,
                                String callbackKey) {

    /** The signing key; a service that would send 12345 unsigned callbacks does not start. */
    public SigningKeys.Key signingKey() {
        return SigningKeys.single("12345", callbackKey).orElseThrow(() -> new IllegalStateException(
                "appeals.hotline.callback-key (HOTLINE_CALLBACK_KEY) is not set: callbacks to 12345 are signed "
                        + "with keyId:secret (docs/security.md)"));
    }

    @Override
    public String toString() {
        return "HotlineProperties[" + callbackUrl + "]";
    }
}
