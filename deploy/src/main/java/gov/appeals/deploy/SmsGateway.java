package gov.appeals.deploy;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.sun.net.httpserver.HttpExchange;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Stands in for the SMS provider, as {@link CallbackReceiver} does for 12345. {@code POST /sms/messages} with
 * {@code {messageId, phone, text, signature}} records the message and answers {@code {"id": "<messageId>"}}; a
 * message id it has recorded already is answered the same (200, same id) and recorded nothing more (the provider's
 * idempotency). {@code GET /sms/messages} lists every message received, oldest first. Messages are appended to
 * {@code <dataDir>/sms-gateway/messages.jsonl}, so a restarted gateway still lists the earlier ones. Logs show the
 * message id and the masked number only.
 */
public final class SmsGateway extends RecordingEndpoint {

    public static final String PATH = "/sms/messages";

    private static final Logger log = LoggerFactory.getLogger(SmsGateway.class);

    /** The message ids recorded: a provider answers a repeat of one with the same id and sends nothing. */
    private final Set<String> messageIds = new HashSet<>();

    private SmsGateway(int port, Path file) throws IOException {
        super(port, PATH, file, "message");
        records().forEach(message -> messageIds.add(message.path("messageId").asString()));
    }

    public static SmsGateway start(int port, Path file) throws IOException {
        SmsGateway gateway = new SmsGateway(port, file);
        gateway.start();
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

    @Override
    void receive(HttpExchange exchange, byte[] body, ObjectNode message, Instant receivedAt) throws IOException {
        if (message == null || !text(message, "messageId") || !text(message, "phone") || !text(message, "text")) {
            refuse(exchange, 400, "Bad Request", "A message is a JSON object with messageId, phone and text.");
            return;
        }
        String messageId = message.path("messageId").asString();
        boolean recorded = recordOnce(messageId, message);
        log.info("SMS {} to {}{}", messageId, mask(message.path("phone").asString()),
                recorded ? "" : " (a repeat, recorded before)");
        respond(exchange, 200, "application/json",
                json.writeValueAsString(json.createObjectNode().put("id", messageId)));
    }

    /** @return false when the message id was recorded before */
    private synchronized boolean recordOnce(String messageId, JsonNode message) throws IOException {
        if (!messageIds.add(messageId)) {
            return false;
        }
        record(message);
        return true;
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
}
