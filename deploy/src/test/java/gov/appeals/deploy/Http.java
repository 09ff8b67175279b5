package gov.appeals.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small JSON-over-HTTP client for the tests, the way a 12345 system or a department's client would call. */
final class Http {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /**
     * @param traceId    the trace the request started ({@code X-Trace-Id}), null when it did not say
     * @param retryAfter the Retry-After header (seconds), null when absent
     */
    record Response(int status, String contentType, String body, String traceId, String retryAfter) {

        JsonNode json() {
            return JSON.readTree(body);
        }
    }

    /**
     * How long a request may go unanswered: generous, because the first requests after a fresh build meet services
     * whose JVMs are still cold, ten processes on two cores (a request once went unanswered for 30 s there and was
     * answered at once on the next run). No performance limit.
     */
    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(60);

    private Http() {
    }

    /** Who sends a request: its credentials, worked out from the request itself (a signature covers the body). */
    @FunctionalInterface
    interface Caller {

        Caller NOBODY = (method, uri, body) -> Map.of();

        Map<String, String> headers(String method, URI uri, byte[] body);

        static Caller bearer(String token) {
            return (method, uri, body) -> Map.of("Authorization", "Bearer " + token);
        }

        static Caller signed(HotlineSignature key) {
            return (method, uri, body) -> key.headers(method,
                    uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()), body);
        }
    }

    static Response get(String url) {
        return get(url, Caller.NOBODY);
    }

    static Response post(String url, String jsonBody) {
        return post(url, jsonBody, Caller.NOBODY);
    }

    static Response get(String url, Caller caller) {
        return send("GET", url, null, caller);
    }

    static Response post(String url, String jsonBody, Caller caller) {
        return send("POST", url, jsonBody, caller);
    }

    /**
     * @param jsonBody null for a request without a body. A read answered 503 with Retry-After is sent again after the
     *                 wait, as a 12345 system does (twice at most, and said on the output): a service answers so when
     *                 a read outlasts its answer deadline or its store is away for a moment.
     */
    static Response send(String method, String url, String jsonBody, Caller caller) {
        Response response = attempt(method, url, jsonBody, caller);
        for (int retry = 1; retry <= 2 && "GET".equals(method) && response.status() == 503
                && response.retryAfter() != null; retry++) {
            System.out.printf("[http] GET %s answered 503 (%s); sent again in %s s%n", url, response.body(),
                    response.retryAfter());
            try {
                Thread.sleep(Duration.ofSeconds(Long.parseLong(response.retryAfter())).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            response = attempt(method, url, jsonBody, caller);
        }
        return response;
    }

    private static Response attempt(String method, String url, String jsonBody, Caller caller) {
        URI uri = URI.create(url);
        byte[] body = jsonBody == null ? new byte[0] : jsonBody.getBytes(StandardCharsets.UTF_8);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).method(method, jsonBody == null
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (jsonBody != null) {
            request.header("Content-Type", "application/json");
        }
        caller.headers(method, uri, body).forEach(request::header);
        return send(request);
    }

    /**
     * Opens a stream that does not end (Server-Sent Events): waits for the status and headers only, reads the body
     * of an error (a problem, which does end), and closes the connection.
     */
    static Response open(String url, Caller caller) {
        URI uri = URI.create(url);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET().header("Accept", "text/event-stream");
        caller.headers("GET", uri, new byte[0]).forEach(request::header);
        try {
            HttpResponse<InputStream> response = CLIENT.send(request.timeout(ANSWER_WITHIN).build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                String text = response.statusCode() >= 300
                        ? new String(body.readAllBytes(), StandardCharsets.UTF_8) : "";
                return new Response(response.statusCode(),
                        response.headers().firstValue("Content-Type").orElse(""), text,
                        response.headers().firstValue("X-Trace-Id").orElse(null), null);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = CLIENT.send(request.timeout(ANSWER_WITHIN).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""), response.body(),
                    response.headers().firstValue("X-Trace-Id").orElse(null),
                    response.headers().firstValue("Retry-After").orElse(null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
