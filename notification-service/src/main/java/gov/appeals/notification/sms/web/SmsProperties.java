package gov.appeals.notification.sms.web;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Text messages to the enterprise's contact ({@code appeals.sms.*}, notification-service's application.yml).
 *
 * @param enabled         whether any SMS is sent ({@code SMS_ENABLED}); when off, each message is recorded suppressed
 * @param gatewayUrl      the SMS provider's endpoint ({@code SMS_GATEWAY_URL})
 * @param gatewayKey      the bearer token the gateway expects ({@code SMS_GATEWAY_KEY}); none sent when empty
 * @param signature       the sender's signature the provider prefixes, e.g. 【嘉定区企业服务】
 * @param connectTimeout  how long to wait for a connection to the gateway
 * @param responseTimeout how long to wait for its answer
 * @param quietHours      HH:mm-HH:mm in the district's time ({@code SMS_QUIET_HOURS}); empty for none
 * @param topics          the templates sent ({@code SMS_TOPICS}, comma-separated); null or absent for all
 * @param templates       the wording, by template name
 * @param sweepInterval   how often deferred and stale messages are looked for
 * @param staleAfter      when a message claimed but not settled is taken to be abandoned by its sender
 * @param retryInitial    the first pause after the gateway could not take a message
 * @param retryMax        the longest pause
 * @param giveUpAfter     how long after its first attempt a message the gateway keeps failing is given up
 */
@ConfigurationProperties("appeals.sms")
public record SmsProperties(boolean enabled, URI gatewayUrl, String gatewayKey, String signature,
                            Duration connectTimeout, Duration responseTimeout, String quietHours, List<String> topics,
                            Map<String, String> templates, Duration sweepInterval, Duration staleAfter,
                            Duration retryInitial, Duration retryMax, Duration giveUpAfter) {

    @Override
    public String toString() {
        return "SmsProperties[" + gatewayUrl + ", enabled=" + enabled + ", quietHours=" + quietHours + "]";
    }
}
