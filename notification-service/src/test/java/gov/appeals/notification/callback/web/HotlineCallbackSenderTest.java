package gov.appeals.notification.callback.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

import gov.appeals.events.AppealStatus;
import gov.appeals.kit.security.RequestSignature;
import gov.appeals.notification.callback.StatusCallback;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import tools.jackson.databind.json.JsonMapper;

/** The sender against a real HTTP server: what goes on the wire, and what counts as a failure. */
class HotlineCallbackSenderTest {

    private static final StatusCallback CALLBACK = new StatusCallback("e-1", "gov.appeals.AppealSigned.v1", "a-1",
            "QS-20260302-000001", "GD-77", AppealStatus.SIGNED, "已签收", Instant.parse("2026-03-02T01:30:00Z"), 3,
            "JD-SWJ", null, Map.of("withinDeadline", true), "JD-SWJ", "区税务局");

    private static final String KEY = "callbacks-1:callback-secret";

    private final AtomicInteger answer = new AtomicInteger(200);
    private final AtomicReference<String> body = new AtomicReference<>();
    private final AtomicReference<String> eventIdHeader = new AtomicReference<>();
    private final AtomicReference<com.sun.net.httpserver.Headers> headers = new AtomicReference<>();
    private final CountDownLatch release = new CountDownLatch(1);
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private HttpServer server;

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(threads);
        server.createContext("/cb", exchange -> {
            body.set(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            eventIdHeader.set(exchange.getRequestHeaders().getFirst("X-Appeal-Event-Id"));
            headers.set(exchange.getRequestHeaders());
            exchange.sendResponseHeaders(answer.get(), -1);
            exchange.close();
        });
        server.createContext("/never", exchange -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        release.countDown();
        server.stop(0);
        threads.shutdownNow();
    }

    @Test
    void postsTheCallbackAsJsonWithTheEventId() {
        int status = sender("/cb", Duration.ofSeconds(5)).send(CALLBACK);

        assertThat(status).isEqualTo(200);
        assertThat(eventIdHeader.get()).isEqualTo("e-1");
        var sent = headers.get();
        assertThat(sent.getFirst("Idempotency-Key")).isEqualTo("e-1");
        assertThat(sent.getFirst("ce-specversion")).isEqualTo("1.0");
        assertThat(sent.getFirst("ce-id")).isEqualTo("e-1");
        assertThat(sent.getFirst("ce-type")).isEqualTo("gov.appeals.AppealSigned.v1");
        assertThat(sent.getFirst("ce-subject")).isEqualTo("a-1");
        assertThat(sent.getFirst("ce-time")).isEqualTo("2026-03-02T01:30:00Z");
        assertThat(sent.getFirst("ce-source")).isNotBlank();
        assertThat(body.get()).contains("\"leadDepartment\":\"JD-SWJ\"").contains("\"leadDepartmentName\":\"区税务局\"");
        assertThat(body.get()).contains("\"externalId\":\"GD-77\"", "\"stage\":\"已签收\"", "\"status\":\"SIGNED\"",
                "\"occurredAt\":\"2026-03-02T01:30:00Z\"", "\"detail\":{\"withinDeadline\":true}");
    }

    @Test
    void failsWhenTheHotlineAnswersAnError() {
        answer.set(503);

        assertThatThrownBy(() -> sender("/cb", Duration.ofSeconds(5)).send(CALLBACK))
                .isInstanceOf(CallbackFailedException.class)
                .hasMessageContaining("HTTP 503").hasMessageContaining("e-1");
    }

    @Test
    void failsForNowWhenTheHotlineAsksForPatienceOrOurCredentials() {
        for (int status : new int[] {401, 403, 408, 425, 429, 500, 502, 504}) {
            answer.set(status);

            assertThatThrownBy(() -> sender("/cb", Duration.ofSeconds(5)).send(CALLBACK)).as("HTTP " + status)
                    .isInstanceOf(CallbackFailedException.class)
                    .hasMessageContaining("HTTP " + status);
        }
    }

    @Test
    void reportsACallbackTheHotlineRefusesForGood() {
        for (int status : new int[] {400, 404, 409, 410, 422}) {
            answer.set(status);

            assertThatThrownBy(() -> sender("/cb", Duration.ofSeconds(5)).send(CALLBACK)).as("HTTP " + status)
                    .isInstanceOfSatisfying(CallbackRefusedException.class,
                            refused -> assertThat(refused.httpStatus()).isEqualTo(status))
                    .hasMessageContaining("HTTP " + status).hasMessageContaining("e-1");
        }
    }

    @Test
    void signsEveryCallbackSoThatTheHotlineCanTellItCameFromThePlatform() {
        sender("/cb", Duration.ofSeconds(5)).send(CALLBACK);
        var sent = headers.get();
        long timestamp = Long.parseLong(sent.getFirst(RequestSignature.TIMESTAMP));

        assertThat(sent.getFirst(RequestSignature.KEY)).isEqualTo("callbacks-1");
        assertThat(timestamp).isCloseTo(Instant.now().getEpochSecond(), org.assertj.core.data.Offset.offset(5L));
        String canonical = RequestSignature.canonical("POST", "/cb", timestamp, sent.getFirst(RequestSignature.NONCE),
                body.get().getBytes(StandardCharsets.UTF_8));
        assertThat(RequestSignature.matches("callback-secret", canonical, sent.getFirst(RequestSignature.SIGNATURE)))
                .isTrue();
        assertThat(RequestSignature.matches("another-secret", canonical, sent.getFirst(RequestSignature.SIGNATURE)))
                .isFalse();
    }

    @Test
    void refusesToStartWithoutACallbackKey() {
        var properties = new HotlineProperties(URI.create("http://127.0.0.1:1/cb"), Duration.ofSeconds(1),
                Duration.ofSeconds(1), " ");
        assertThatThrownBy(() -> new HotlineCallbackSender(properties, JsonMapper.builder().build(), Tracer.NOOP,
                Propagator.NOOP, Clock.systemUTC())).hasMessageContaining("HOTLINE_CALLBACK_KEY");
    }

    @Test
    void failsWhenTheHotlineRefusesTheConnection() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        HotlineCallbackSender sender = new HotlineCallbackSender(new HotlineProperties(
                URI.create("http://127.0.0.1:" + closedPort + "/cb"), Duration.ofSeconds(2), Duration.ofSeconds(2),
                KEY), JsonMapper.builder().build(), Tracer.NOOP, Propagator.NOOP, Clock.systemUTC());

        assertThatThrownBy(() -> sender.send(CALLBACK))
                .isInstanceOf(CallbackFailedException.class)
                .hasMessageContaining("ConnectException");
    }

    @Test
    void failsWhenTheHotlineDoesNotAnswerInTime() {
        assertThatThrownBy(() -> sender("/never", Duration.ofMillis(300)).send(CALLBACK))
                .isInstanceOf(CallbackFailedException.class)
                .hasMessageContaining("HttpTimeoutException");
    }

    private HotlineCallbackSender sender(String path, Duration responseTimeout) {
        URI url = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
        return new HotlineCallbackSender(new HotlineProperties(url, Duration.ofSeconds(2), responseTimeout, KEY),
                JsonMapper.builder().build(), Tracer.NOOP, Propagator.NOOP, Clock.systemUTC());
    }
}
