package gov.appeals.deploy;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.sun.net.httpserver.HttpExchange;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Stands in for the 12345 hotline system's status webhook. {@code POST /12345/callbacks} records a callback and logs
 * one line (externalId, status, stage); {@code GET /12345/callbacks} returns every callback received, oldest first,
 * as a JSON array. A callback not signed with {@code HOTLINE_CALLBACK_KEY} (docs/security.md) is refused with a 401
 * and a logged reason. Callbacks are appended to {@code <dataDir>/callback-receiver/callbacks.jsonl}, so a restarted
 * receiver still lists the earlier ones. Each recorded callback gets {@code receivedAt}: when the receiver began
 * handling its POST (ISO-8601, this host's clock), which bench/callbacks.sh compares with the callback's
 * {@code occurredAt}.
 */
public final class CallbackReceiver extends RecordingEndpoint {

    public static final String PATH = "/12345/callbacks";

    private static final Logger log = LoggerFactory.getLogger(CallbackReceiver.class);

    private final HotlineSignature.Verifier verifier;

    private CallbackReceiver(int port, Path file, HotlineSignature key) throws IOException {
        super(port, PATH, file, "callback");
        this.verifier = key.new Verifier();
    }

    /** @param key what the callbacks must be signed with (HOTLINE_CALLBACK_KEY): 12345 checks who calls it */
    public static CallbackReceiver start(int port, Path file, HotlineSignature key) throws IOException {
        CallbackReceiver receiver = new CallbackReceiver(port, file, key);
        receiver.start();
        log.info("12345 callback receiver on http://127.0.0.1:{}{} ({} earlier callbacks in {})",
                port, PATH, receiver.count(), file);
        return receiver;
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        PlatformConfig config = PlatformConfig.fromEnvironment(System.getenv());
        CallbackReceiver receiver = start(config.callbackPort(), config.callbacksFile(),
                HotlineSignature.parse(PlatformConfig.hotlineCallbackKey(System.getenv())));
        Runtime.getRuntime().addShutdownHook(new Thread(receiver::close, "callback-receiver-stop"));
        Thread.currentThread().join();
    }

    @Override
    void receive(HttpExchange exchange, byte[] body, ObjectNode callback, Instant receivedAt) throws IOException {
        Map<String, String> headers = new HashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, values.get(0)));
        Map<String, String> signing = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        signing.putAll(headers);
        String target = exchange.getRequestURI().getRawPath()
                + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery());
        String refusal = verifier.refusal("POST", target, signing, body);
        if (refusal != null) {
            log.warn("12345 callback refused: {}", refusal);
            refuse(exchange, 401, "Unauthorized", "The callback is refused: " + refusal);
            return;
        }
        if (callback == null) {
            refuse(exchange, 400, "Bad Request", "A callback is a JSON object.");
            return;
        }
        String traceparent = exchange.getRequestHeaders().getFirst("traceparent");
        if (traceparent != null) {
            // Kept with the callback so that a test (or a person) can follow the trace back to the request.
            callback.put("traceparent", traceparent);
        }
        // The receipt time, next to the stage change's occurredAt: the bench's stage → callback latency.
        callback.put("receivedAt", receivedAt.toString());
        int received = record(callback);
        log.info("12345 callback #{}: externalId={} status={} stage={}", received,
                field(callback, "externalId"), field(callback, "status"), field(callback, "stage"));
        respond(exchange, 200, "application/json", "{\"received\":" + received + "}");
    }

    private static String field(JsonNode callback, String name) {
        JsonNode value = callback.get(name);
        return value == null || value.isNull() ? "-" : value.asString();
    }
}
