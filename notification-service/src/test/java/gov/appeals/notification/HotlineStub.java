package gov.appeals.notification;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stands in for the 12345 system's callback endpoint: records every request with what it answered; can be down
 * (every callback answered 503) and can refuse the callback of one event for good (422).
 */
final class HotlineStub {

    /** One request as it arrived, and the status it was answered with. */
    record Callback(Map<String, List<String>> headers, JsonNode body, int status) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }

        String text(String field) {
            return body.path(field).asString();
        }

        String eventId() {
            return text("eventId");
        }

        boolean confirmed() {
            return status / 100 == 2;
        }
    }

    static final String PATH = "/12345/callbacks";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpServer server;
    private final List<Callback> received = new CopyOnWriteArrayList<>();
    private final Set<String> refusedEventIds = ConcurrentHashMap.newKeySet();
    private volatile boolean down;

    private HotlineStub(HttpServer server) {
        this.server = server;
    }

    static HotlineStub start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            HotlineStub stub = new HotlineStub(server);
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

    /** From now on every callback is answered 503, until {@link #up()}. */
    void down() {
        down = true;
    }

    void up() {
        down = false;
    }

    /** From now on, the callback of this event is answered 422: 12345 will never take it. */
    void refuse(String eventId) {
        refusedEventIds.add(eventId);
    }

    /** Every request for the appeal, answered or failed, in the order they arrived. */
    List<Callback> callbacksFor(String appealId) {
        return received.stream().filter(c -> appealId.equals(c.text("appealId"))).toList();
    }

    /** The requests for the appeal that were confirmed (2xx), in the order they arrived. */
    List<Callback> confirmedFor(String appealId) {
        return callbacksFor(appealId).stream().filter(Callback::confirmed).toList();
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (InputStream body = exchange.getRequestBody()) {
            Map<String, List<String>> headers = Map.copyOf(exchange.getRequestHeaders());
            JsonNode json = JSON.readTree(body.readAllBytes());
            int status = down ? 503 : refusedEventIds.contains(json.path("eventId").asString()) ? 422 : 200;
            received.add(new Callback(headers, json, status));
            exchange.sendResponseHeaders(status, -1);
        } finally {
            exchange.close();
        }
    }
}
