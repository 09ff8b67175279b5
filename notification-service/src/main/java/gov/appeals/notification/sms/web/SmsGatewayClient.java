package gov.appeals.notification.sms.web;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one place a text message leaves for the SMS provider: {@code POST appeals.sms.gateway-url} with
 * {@code {messageId, phone, text, signature}}, the message id also as {@code Idempotency-Key} (the provider sends a
 * message id once, so a message re-sent after a crash or a lost answer reaches the phone once), and
 * {@code Authorization: Bearer <gateway-key>}.
 *
 * <p>The JDK {@link HttpClient} with a connect and a per-request timeout, as the 12345 callbacks: the callers (the
 * Kafka listener thread and the SMS sweep) wait for the answer anyway; never called on a Reactor thread.
 */
@Component
public class SmsGatewayClient {

    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    /** What the gateway made of one message. */
    public sealed interface Result {
    }

    /** Taken (2xx): {@code outcome} is the provider's answer, e.g. its message id. */
    public record Sent(String outcome) implements Result {
    }

    /** Refused for good (4xx): sending it again will not help. */
    public record Refused(int status) implements Result {
    }

    /** Not taken now (down, 5xx, timeout, connection refused): try again later. */
    public record Unavailable(String reason) implements Result {
    }

    private final SmsProperties properties;
    private final JsonMapper json;
    private final HttpClient client;

    public SmsGatewayClient(SmsProperties properties, JsonMapper json) {
        this.properties = properties;
        this.json = json;
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(properties.connectTimeout())
                .build();
    }

    public URI gatewayUrl() {
        return properties.gatewayUrl();
    }

    /** The message id the gateway is given for a notice: its id's SHA-256, hex. */
    public static String messageId(String noticeId) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(noticeId.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Posts one message and waits for the answer (at most the response timeout). */
    public Result send(String messageId, String phone, String text) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("messageId", messageId);
        body.put("phone", phone);
        body.put("text", text);
        body.put("signature", properties.signature());
        HttpRequest.Builder builder = HttpRequest.newBuilder(properties.gatewayUrl())
                .timeout(properties.responseTimeout())
                .header(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON_VALUE)
                .header(IDEMPOTENCY_KEY, messageId)
                .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)));
        if (properties.gatewayKey() != null && !properties.gatewayKey().isBlank()) {
            builder.header(HttpHeaders.AUTHORIZATION, "Bearer " + properties.gatewayKey());
        }
        HttpResponse<String> response;
        try {
            response = client.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            return new Unavailable("gateway unreachable: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Unavailable("interrupted");
        }
        int status = response.statusCode();
        if (status / 100 == 2) {
            return new Sent(answer(response.body(), status));
        }
        if (status / 100 == 4 && status != 401 && status != 403 && status != 408 && status != 425 && status != 429) {
            return new Refused(status);
        }
        return new Unavailable("gateway answered HTTP " + status);
    }

    /** The provider's id for the message when it gives one, else the status. */
    private String answer(String body, int status) {
        try {
            JsonNode answer = body == null || body.isBlank() ? null : json.readTree(body);
            if (answer != null) {
                for (String field : new String[] {"id", "messageId", "providerId"}) {
                    JsonNode value = answer.get(field);
                    if (value != null && value.isValueNode() && !value.asString().isBlank()) {
                        String id = value.asString();
                        return "HTTP " + status + " id " + (id.length() > 100 ? id.substring(0, 100) : id);
                    }
                }
            }
        } catch (JacksonException e) {
            // not JSON: the status says enough
        }
        return "HTTP " + status;
    }
}
