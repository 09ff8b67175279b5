package gov.appeals.notification.callback.web;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where and how patiently the 12345 system is called back.
 *
 * @param callbackUrl     the 12345 status-callback endpoint (env {@code HOTLINE_CALLBACK_URL})
 * @param connectTimeout  how long to wait for a connection
 * @param responseTimeout how long to wait for the answer once the request is sent
 */
@ConfigurationProperties("appeals.hotline")
public record HotlineProperties(URI callbackUrl, Duration connectTimeout, Duration responseTimeout) {
}
