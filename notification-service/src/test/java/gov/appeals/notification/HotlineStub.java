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

/** Stands in for the 12345 system's callback endpoint: records every request, fails those it is told to. */
final class HotlineStub {

    record Callback(Map<String, List<String>> headers, JsonNode body) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }

        String text(String field) {
            return body.path(field).asString();
        }
    }

    static final String PATH = "/12345/callbacks";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpServer server;
    private final List<Callback> received = new CopyOnWriteArrayList<>();
    private final Set<String> failingExternalIds = ConcurrentHashMap.newKeySet();

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

    /** From now on, callbacks for this 12345 work order are answered 500. */
    void failFor(String externalId) {
        failingExternalIds.add(externalId);
    }

    List<Callback> callbacksFor(String appealId) {
        return received.stream().filter(c -> appealId.equals(c.text("appealId"))).toList();
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (InputStream body = exchange.getRequestBody()) {
            Callback callback = new Callback(Map.copyOf(exchange.getRequestHeaders()), JSON.readTree(body.readAllBytes()));
            received.add(callback);
            int status = failingExternalIds.contains(callback.text("externalId")) ? 500 : 200;
            exchange.sendResponseHeaders(status, -1);
        } finally {
            exchange.close();
        }
    }
}
