package gov.appeals.notification.callback.web;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.UUID;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

import gov.appeals.events.CloudEventHeaders;
import gov.appeals.kit.security.RequestSignature;
import gov.appeals.kit.security.SigningKeys;
import gov.appeals.notification.callback.StatusCallback;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one place a callback leaves for the 12345 system, signed as source systems sign their requests to the
 * platform (docs/security.md: HMAC-SHA256 over method, path, timestamp, nonce and the body's hash).
 *
 * <p>The JDK {@link HttpClient} rather than WebClient: the caller is a Kafka listener thread that has to wait for
 * the answer anyway (the kit's retries and dead-lettering depend on the outcome being known when the consumer
 * returns), and a plain blocking send with a connect timeout and a per-request timeout says that directly, without
 * borrowing a Reactor Netty event loop only to {@code block()} on it. It is never called on a Reactor thread.
 */
@Component
public class HotlineCallbackSender {

    /** Lets the 12345 side drop a callback it has already seen: a crash after the POST resends it. */
    public static final String EVENT_ID_HEADER = "X-Appeal-Event-Id";
    /** The same event id under the name idempotent receivers look for: a repeat with it is the same callback. */
    public static final String IDEMPOTENCY_KEY_HEADER = "Idempotency-Key";
    static final String CE_SOURCE = "/appeals/notification-service";

    private final HotlineProperties properties;
    private final JsonMapper json;
    private final Tracer tracer;
    private final Propagator propagator;
    private final HttpClient client;
    private final SigningKeys.Key key;
    private final Clock clock;

    /**
     * @param tracer     and {@code propagator}: the callback carries the trace of the event it tells about (W3C
     *                   {@code traceparent}), the same trace as the request that started it
     */
    public HotlineCallbackSender(HotlineProperties properties, JsonMapper json, Tracer tracer, Propagator propagator,
                                 Clock clock) {
        this.properties = properties;
        this.key = properties.signingKey();
        this.clock = clock;
        this.json = json;
        this.tracer = tracer;
        this.propagator = propagator;
        // HTTP/1.1 pinned: over plain http the JDK client otherwise offers an h2c upgrade on every POST, which
        // webhook receivers behind older proxies mishandle.
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(properties.connectTimeout())
                .build();
    }

    public URI callbackUrl() {
        return properties.callbackUrl();
    }

    /**
     * Posts the callback and waits for the answer (at most the response timeout).
     *
     * @return the HTTP status the 12345 system answered, always 2xx
     * @throws CallbackFailedException  when it is down, slow, unreachable or answered a status that passes (5xx ...)
     * @throws CallbackRefusedException when it answered a 4xx that sending the callback again cannot change
     */
    public int send(StatusCallback callback) {
        byte[] body = json.writeValueAsBytes(callback);
        URI url = properties.callbackUrl();
        HttpRequest.Builder builder = HttpRequest.newBuilder(url)
                .timeout(properties.responseTimeout())
                .header(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON_VALUE)
                .header(EVENT_ID_HEADER, callback.eventId())
                .header(IDEMPOTENCY_KEY_HEADER, callback.eventId())
                // The CloudEvents HTTP binding (binary mode): the body is the data, the event's attributes headers.
                .header("ce-specversion", CloudEventHeaders.SPEC_VERSION_VALUE)
                .header("ce-id", callback.eventId())
                .header("ce-type", callback.type())
                .header("ce-source", CE_SOURCE)
                .header("ce-subject", callback.appealId())
                .header("ce-time", callback.occurredAt().toString())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        // Signed afresh on every attempt: a retry is a new request with its own time and nonce.
        RequestSignature.headers(key.id(), key.secret(), "POST",
                url.getRawPath() + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery()),
                clock.instant().getEpochSecond(), UUID.randomUUID().toString(), body).forEach(builder::header);
        Span span = tracer.currentSpan();
        if (span != null) {
            propagator.inject(span.context(), builder, HttpRequest.Builder::header);
        }
        HttpRequest request = builder.build();
        HttpResponse<Void> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            throw new CallbackFailedException("12345 callback for event " + callback.eventId() + " to "
                    + properties.callbackUrl() + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CallbackFailedException("Interrupted while calling back 12345 for event " + callback.eventId(), e);
        }
        int status = response.statusCode();
        if (status / 100 == 2) {
            return status;
        }
        String answer = "12345 answered HTTP " + status + " to the callback for event " + callback.eventId() + " ("
                + callback.type() + ")";
        if (refusesForGood(status)) {
            throw new CallbackRefusedException(answer, status);
        }
        throw new CallbackFailedException(answer);
    }

    /**
     * A 4xx says this callback is wrong, and sending it again will not help; except those that say "not now" (408
     * timeout, 425 too early, 429 too many requests) or "not us" (401/403: our credentials, a fix on this side that
     * every callback waits for, not a reason to give up on each one).
     */
    static boolean refusesForGood(int status) {
        return status / 100 == 4 && status != 401 && status != 403 && status != 408 && status != 425
                && status != 429;
    }
}
