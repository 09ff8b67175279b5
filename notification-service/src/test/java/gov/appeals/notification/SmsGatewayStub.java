package gov.appeals.notification;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stands in for the SMS provider: records every request with the status it answered; can answer the next requests
 * with 503 (the provider down for a while).
 */
final class SmsGatewayStub {

    /** One request as it arrived, and the status it was answered with. */
    record Request(Map<String, List<String>> headers, JsonNode body, int status) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }

        String text(String field) {
            return body.path(field).asString();
        }

        boolean taken() {
            return status / 100 == 2;
        }
    }

    static final String PATH = "/sms/messages";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpServer server;
    private final List<Request> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger unavailable = new AtomicInteger();
    private final AtomicInteger ids = new AtomicInteger();

    private SmsGatewayStub(HttpServer server) {
        this.server = server;
    }

    static SmsGatewayStub start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            SmsGatewayStub stub = new SmsGatewayStub(server);
            server.createContext(PATH, stub::answer);
            server.start();
            return stub;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + PATH;
    }

    /** The next {@code count} requests are answered 503. */
    void unavailableFor(int count) {
        unavailable.set(count);
    }

    /** Every request whose text mentions {@code appealNumber}, in the order they arrived. */
    List<Request> requestsAbout(String appealNumber) {
        return received.stream().filter(r -> r.text("text").contains(appealNumber)).toList();
    }

    /** The messages about {@code appealNumber} the gateway took (2xx). */
    List<Request> takenAbout(String appealNumber) {
        return requestsAbout(appealNumber).stream().filter(Request::taken).toList();
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange; InputStream body = exchange.getRequestBody()) {
            Map<String, List<String>> headers = Map.copyOf(exchange.getRequestHeaders());
            JsonNode json = JSON.readTree(body.readAllBytes());
            int status = unavailable.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? 503 : 200;
            received.add(new Request(headers, json, status));
            if (status == 200) {
                byte[] answer = ("{\"id\":\"SMS-" + ids.incrementAndGet() + "\"}").getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, answer.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(answer);
                }
            } else {
                exchange.sendResponseHeaders(status, -1);
            }
        }
    }
}
