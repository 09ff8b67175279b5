package gov.appeals.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stands in for the 12345 hotline system's status webhook. {@code POST /12345/callbacks} records a callback and logs
 * one line (externalId, status, stage); {@code GET /12345/callbacks} returns every callback received, oldest first,
 * as a JSON array. A callback not signed with {@code HOTLINE_CALLBACK_KEY} (docs/security.md) is refused with a 401
 * and a logged reason. Callbacks are appended to {@code <dataDir>/callback-receiver/callbacks.jsonl}, so a restarted
 * receiver still lists the earlier ones. Each recorded callback gets {@code receivedAt}: when the receiver began
 * handling its POST (ISO-8601, this host's clock), which bench/callbacks.sh compares with the callback's
 * {@code occurredAt}.
 */
public final class CallbackReceiver implements AutoCloseable {

    public static final String PATH = "/12345/callbacks";

    private static final Logger log = LoggerFactory.getLogger(CallbackReceiver.class);
    private static final int MAX_BODY_BYTES = 64 * 1024;

    private final JsonMapper json = JsonMapper.builder().build();
    private final List<JsonNode> callbacks = new ArrayList<>();
    private final Path file;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(2);
    private final HotlineSignature.Verifier verifier;

    private CallbackReceiver(int port, Path file, HotlineSignature key) throws IOException {
        this.file = file;
        this.verifier = key.new Verifier();
        Files.createDirectories(file.getParent());
        if (Files.exists(file)) {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    callbacks.add(json.readTree(line));
                }
            }
        }
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.setExecutor(executor);
        server.createContext(PATH, this::handle);
    }

    /** @param key what the callbacks must be signed with (HOTLINE_CALLBACK_KEY): 12345 checks who calls it */
    public static CallbackReceiver start(int port, Path file, HotlineSignature key) throws IOException {
        CallbackReceiver receiver = new CallbackReceiver(port, file, key);
        receiver.server.start();
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

    private synchronized int count() {
        return callbacks.size();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            switch (exchange.getRequestMethod()) {
                case "POST" -> receive(exchange);
                case "GET" -> respond(exchange, 200, "application/json", list());
                default -> {
                    exchange.getResponseHeaders().add("Allow", "GET, POST");
                    respond(exchange, 405, "application/problem+json", problem(405, "Method Not Allowed",
                            "Use GET to list callbacks or POST to send one."));
                }
            }
        }
    }

    private void receive(HttpExchange exchange) throws IOException {
        Instant receivedAt = Instant.now();
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readNBytes(MAX_BODY_BYTES + 1);
        }
        if (body.length > MAX_BODY_BYTES) {
            respond(exchange, 413, "application/problem+json",
                    problem(413, "Content Too Large", "A callback is at most " + MAX_BODY_BYTES + " bytes."));
            return;
        }
        Map<String, String> headers = new HashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, values.get(0)));
        Map<String, String> signing = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        signing.putAll(headers);
        String target = exchange.getRequestURI().getRawPath()
                + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery());
        String refusal = verifier.refusal("POST", target, signing, body);
        if (refusal != null) {
            log.warn("12345 callback refused: {}", refusal);
            respond(exchange, 401, "application/problem+json",
                    problem(401, "Unauthorized", "The callback is refused: " + refusal));
            return;
        }
        JsonNode callback;
        try {
            callback = json.readTree(body);
        } catch (JacksonException e) {
            callback = null;
        }
        if (callback == null || !callback.isObject()) {
            respond(exchange, 400, "application/problem+json",
                    problem(400, "Bad Request", "A callback is a JSON object."));
            return;
        }
        String traceparent = exchange.getRequestHeaders().getFirst("traceparent");
        if (traceparent != null) {
            // Kept with the callback so that a test (or a person) can follow the trace back to the request.
            ((tools.jackson.databind.node.ObjectNode) callback).put("traceparent", traceparent);
        }
        // The receipt time, next to the stage change's occurredAt: the bench's stage → callback latency.
        ((tools.jackson.databind.node.ObjectNode) callback).put("receivedAt", receivedAt.toString());
        int received = record(callback);
        log.info("12345 callback #{}: externalId={} status={} stage={}", received,
                field(callback, "externalId"), field(callback, "status"), field(callback, "stage"));
        respond(exchange, 200, "application/json", "{\"received\":" + received + "}");
    }

    private synchronized int record(JsonNode callback) throws IOException {
        Files.writeString(file, json.writeValueAsString(callback) + "\n", StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        callbacks.add(callback);
        return callbacks.size();
    }

    private synchronized String list() {
        return json.writeValueAsString(callbacks);
    }

    private static String field(JsonNode callback, String name) {
        JsonNode value = callback.get(name);
        return value == null || value.isNull() ? "-" : value.asString();
    }

    private String problem(int status, String title, String detail) {
        return json.writeValueAsString(json.createObjectNode()
                .put("type", "about:blank").put("title", title).put("status", status).put("detail", detail));
    }

    private static void respond(HttpExchange exchange, int status, String contentType, String body)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdown();
    }
}
