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
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the local run's stand-ins for outside systems (the 12345 webhook, the SMS provider) share: one path on
 * loopback where {@code POST} delivers a JSON object, which the subclass checks and records, and {@code GET} lists
 * everything recorded, oldest first. Records are appended to a JSON-lines file, so a restarted stand-in still lists
 * the earlier ones. Any other method is 405, a body over 64 KB 413, a body that is no JSON object 400, each as
 * problem+json.
 */
abstract class RecordingEndpoint implements AutoCloseable {

    static final int MAX_BODY_BYTES = 64 * 1024;

    final JsonMapper json = JsonMapper.builder().build();
    private final List<JsonNode> records = new ArrayList<>();
    private final Path file;
    private final String noun;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(2);

    /** @param noun what one record is, for error messages ("callback", "message") */
    RecordingEndpoint(int port, String path, Path file, String noun) throws IOException {
        this.file = file;
        this.noun = noun;
        Files.createDirectories(file.getParent());
        if (Files.exists(file)) {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    records.add(json.readTree(line));
                }
            }
        }
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.setExecutor(executor);
        server.createContext(path, this::handle);
    }

    /**
     * Handles a POST whose body is a JSON object of at most 64 KB: check, record, answer.
     *
     * @param receivedAt when handling the request began
     */
    abstract void receive(HttpExchange exchange, byte[] body, ObjectNode object, Instant receivedAt)
            throws IOException;

    void start() {
        server.start();
    }

    synchronized int count() {
        return records.size();
    }

    /** Appends {@code record} to the file and the list. @return how many are recorded now */
    synchronized int record(JsonNode record) throws IOException {
        Files.writeString(file, json.writeValueAsString(record) + "\n", StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        records.add(record);
        return records.size();
    }

    /** Everything recorded, oldest first, those read back from the file at start included. */
    synchronized List<JsonNode> records() {
        return List.copyOf(records);
    }

    private synchronized String list() {
        return json.writeValueAsString(records);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            switch (exchange.getRequestMethod()) {
                case "POST" -> post(exchange);
                case "GET" -> respond(exchange, 200, "application/json", list());
                default -> {
                    exchange.getResponseHeaders().add("Allow", "GET, POST");
                    refuse(exchange, 405, "Method Not Allowed", "Use GET to list " + noun + "s or POST to send one.");
                }
            }
        }
    }

    private void post(HttpExchange exchange) throws IOException {
        Instant receivedAt = Instant.now();
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readNBytes(MAX_BODY_BYTES + 1);
        }
        if (body.length > MAX_BODY_BYTES) {
            refuse(exchange, 413, "Content Too Large", "A " + noun + " is at most " + MAX_BODY_BYTES + " bytes.");
            return;
        }
        JsonNode node;
        try {
            node = json.readTree(body);
        } catch (JacksonException e) {
            node = null;
        }
        receive(exchange, body, node instanceof ObjectNode object ? object : null, receivedAt);
    }

    /** Answers a problem+json. */
    void refuse(HttpExchange exchange, int status, String title, String detail) throws IOException {
        respond(exchange, status, "application/problem+json", json.writeValueAsString(json.createObjectNode()
                .put("type", "about:blank").put("title", title).put("status", status).put("detail", detail)));
    }

    static void respond(HttpExchange exchange, int status, String contentType, String body) throws IOException {
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
