package gov.appeals.notification;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stands in for a JSON endpoint of another system on a free port of the loopback interface: records every request
 * with the status it answered; what it answers is the subclass's {@link #answer}.
 */
abstract class RecordingStub {

    /** One request as it arrived, and the status it was answered with. */
    record Request(Map<String, List<String>> headers, JsonNode body, int status) {
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

        /** Whether it was answered 2xx: taken by the other system. */
        boolean taken() {
            return status / 100 == 2;
        }
    }

    /** A status, and the JSON body that goes with it (null for none). */
    record Answer(int status, String json) {
        static Answer of(int status) {
            return new Answer(status, null);
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String path;
    private final HttpServer server;
    private final List<Request> received = new CopyOnWriteArrayList<>();

    /** Listens at once: no request comes before {@link #url} is handed out, so the subclass is built by then. */
    RecordingStub(String path) {
        this.path = path;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext(path, this::record);
        server.start();
    }

    /** What this request is answered with. */
    abstract Answer answer(JsonNode request);

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** The requests that match, answered or failed, in the order they arrived. */
    List<Request> received(Predicate<Request> matching) {
        return received.stream().filter(matching).toList();
    }

    private void record(HttpExchange exchange) throws IOException {
        try (exchange; InputStream body = exchange.getRequestBody()) {
            Map<String, List<String>> headers = Map.copyOf(exchange.getRequestHeaders());
            JsonNode json = JSON.readTree(body.readAllBytes());
            Answer answer = answer(json);
            received.add(new Request(headers, json, answer.status()));
            if (answer.json() == null) {
                exchange.sendResponseHeaders(answer.status(), -1);
                return;
            }
            byte[] bytes = answer.json().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(answer.status(), bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }
}
