package gov.appeals.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * Stands in for the SMS provider, as {@link CallbackReceiver} does for 12345. {@code POST /sms/messages} with
 * {@code {messageId, phone, text, signature}} records the message and answers {@code {"id": "<messageId>"}}; a
 * message id it has recorded already is answered the same (200, same id) and recorded nothing more (the provider's
 * idempotency). {@code GET /sms/messages} lists every message received, oldest first. Messages are appended to
 * {@code <dataDir>/sms-gateway/messages.jsonl}, so a restarted gateway still lists the earlier ones. Logs show the
 * message id and the masked number only.
 */
public final class SmsGateway implements AutoCloseable {

    public static final String PATH = "/sms/messages";

    private static final Logger log = LoggerFactory.getLogger(SmsGateway.class);
    private static final int MAX_BODY_BYTES = 64 * 1024;

    private final JsonMapper json = JsonMapper.builder().build();
    private final Map<String, JsonNode> messages = new LinkedHashMap<>();
    private final Path file;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(2);

    private SmsGateway(int port, Path file) throws IOException {
        this.file = file;
        Files.createDirectories(file.getParent());
        if (Files.exists(file)) {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    JsonNode message = json.readTree(line);
                    messages.putIfAbsent(message.path("messageId").asString(), message);
                }
            }
        }
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.setExecutor(executor);
        server.createContext(PATH, this::handle);
    }

    public static SmsGateway start(int port, Path file) throws IOException {
        SmsGateway gateway = new SmsGateway(port, file);
        gateway.server.start();
        log.info("SMS gateway stand-in on http://127.0.0.1:{}{} ({} earlier messages in {})", port, PATH,
                gateway.count(), file);
        return gateway;
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        PlatformConfig config = PlatformConfig.fromEnvironment(System.getenv());
        SmsGateway gateway = start(PlatformConfig.smsGatewayPort(System.getenv()),
                PlatformConfig.smsMessagesFile(config));
        Runtime.getRuntime().addShutdownHook(new Thread(gateway::close, "sms-gateway-stop"));
        Thread.currentThread().join();
    }

    private synchronized int count() {
        return messages.size();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            switch (exchange.getRequestMethod()) {
                case "POST" -> receive(exchange);
                case "GET" -> respond(exchange, 200, "application/json", list());
                default -> {
                    exchange.getResponseHeaders().add("Allow", "GET, POST");
                    respond(exchange, 405, "application/problem+json", problem(405, "Method Not Allowed",
                            "Use GET to list messages or POST to send one."));
                }
            }
        }
    }

    private void receive(HttpExchange exchange) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readNBytes(MAX_BODY_BYTES + 1);
        }
        if (body.length > MAX_BODY_BYTES) {
            respond(exchange, 413, "application/problem+json",
                    problem(413, "Content Too Large", "A message is at most " + MAX_BODY_BYTES + " bytes."));
            return;
        }
        JsonNode message;
        try {
            message = json.readTree(body);
        } catch (JacksonException e) {
            message = null;
        }
        if (message == null || !message.isObject() || !text(message, "messageId")
                || !text(message, "phone") || !text(message, "text")) {
            respond(exchange, 400, "application/problem+json", problem(400, "Bad Request",
                    "A message is a JSON object with messageId, phone and text."));
            return;
        }
        String messageId = message.path("messageId").asString();
        boolean recorded = record(messageId, message);
        log.info("SMS {} to {}{}", messageId, mask(message.path("phone").asString()),
                recorded ? "" : " (a repeat, recorded before)");
        respond(exchange, 200, "application/json",
                json.writeValueAsString(json.createObjectNode().put("id", messageId)));
    }

    /** @return false when the message id was recorded before */
    private synchronized boolean record(String messageId, JsonNode message) throws IOException {
        if (messages.containsKey(messageId)) {
            return false;
        }
        Files.writeString(file, json.writeValueAsString(message) + "\n", StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        messages.put(messageId, message);
        return true;
    }

    private synchronized String list() {
        return json.writeValueAsString(new ArrayList<>(messages.values()));
    }

    private static boolean text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isString() && !value.asString().isBlank();
    }

    static String mask(String phone) {
        if (phone.length() < 8) {
            return "*".repeat(phone.length());
        }
        return phone.substring(0, 3) + "*".repeat(phone.length() - 7) + phone.substring(phone.length() - 4);
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

    /** For a caller that wants the list as data. */
    synchronized List<JsonNode> received() {
        return List.copyOf(messages.values());
    }
}
