package gov.appeals.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CallbackReceiverTest {

    private static final HotlineSignature KEY = HotlineSignature.parse("callbacks-test:callback-secret");
    private static final Http.Caller PLATFORM = Http.Caller.signed(KEY);

    @TempDir
    Path dataDir;

    @Test
    void listsTheCallbacksItReceivedOldestFirst() throws IOException {
        int port = freePort();
        try (CallbackReceiver ignored = CallbackReceiver.start(port, dataDir.resolve("callbacks.jsonl"), KEY)) {
            String url = "http://127.0.0.1:" + port + CallbackReceiver.PATH;
            Instant before = Instant.now();

            assertThat(Http.post(url, "{\"externalId\":\"GD1\",\"status\":\"ACCEPTED\"}", PLATFORM).status())
                    .isEqualTo(200);
            assertThat(Http.post(url, "{\"externalId\":\"GD1\",\"status\":\"ASSIGNED\"}", PLATFORM).status())
                    .isEqualTo(200);

            Http.Response list = Http.get(url);
            assertThat(list.status()).isEqualTo(200);
            assertThat(list.json().findValuesAsString("status")).containsExactly("ACCEPTED", "ASSIGNED");
            assertThat(list.json().findValuesAsString("receivedAt")).as("each stamped with its receipt time").hasSize(2)
                    .allSatisfy(at -> assertThat(Instant.parse(at)).isBetween(before, Instant.now()));
        }
    }

    @Test
    void keepsItsCallbacksAcrossARestart() throws IOException {
        int port = freePort();
        Path file = dataDir.resolve("callbacks.jsonl");
        try (CallbackReceiver ignored = CallbackReceiver.start(port, file, KEY)) {
            Http.post("http://127.0.0.1:" + port + CallbackReceiver.PATH,
                    "{\"externalId\":\"GD2\",\"status\":\"CLOSED\"}", PLATFORM);
        }
        int again = freePort();
        try (CallbackReceiver ignored = CallbackReceiver.start(again, file, KEY)) {
            assertThat(Http.get("http://127.0.0.1:" + again + CallbackReceiver.PATH).json()
                    .findValuesAsString("externalId")).containsExactly("GD2");
        }
    }

    @Test
    void refusesABodyThatIsNotAJsonObjectWithAProblem() throws IOException {
        int port = freePort();
        try (CallbackReceiver ignored = CallbackReceiver.start(port, dataDir.resolve("callbacks.jsonl"), KEY)) {
            String url = "http://127.0.0.1:" + port + CallbackReceiver.PATH;

            Http.Response response = Http.post(url, "[1, 2", PLATFORM);

            assertThat(response.status()).isEqualTo(400);
            assertThat(response.contentType()).isEqualTo("application/problem+json");
            assertThat(Http.get(url).json()).isEmpty();
        }
    }

    @Test
    void refusesUnsignedStaleTamperedAndReplayedCallbacksAndRecordsNone() throws IOException {
        int port = freePort();
        try (CallbackReceiver ignored = CallbackReceiver.start(port, dataDir.resolve("callbacks.jsonl"), KEY)) {
            String url = "http://127.0.0.1:" + port + CallbackReceiver.PATH;
            String body = "{\"externalId\":\"GD3\",\"status\":\"ACCEPTED\"}";
            byte[] bytes = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            long now = System.currentTimeMillis() / 1000;
            var replayed = KEY.headers("POST", CallbackReceiver.PATH, now, "nonce-replayed-1", bytes);

            assertThat(Http.post(url, body).status()).as("unsigned").isEqualTo(401);
            assertThat(Http.post(url, body, (m, u, b) -> KEY.headers("POST", CallbackReceiver.PATH, now - 301,
                    "nonce-stale-1", bytes)).status()).as("stale").isEqualTo(401);
            assertThat(Http.post(url, body.replace("GD3", "GD4"), (m, u, b) -> replayed).status()).as("tampered")
                    .isEqualTo(401);
            assertThat(Http.post(url, body, Http.Caller.signed(HotlineSignature.parse("callbacks-test:guess")))
                    .status()).as("wrong secret").isEqualTo(401);
            assertThat(Http.post(url, body, (m, u, b) -> replayed).status()).isEqualTo(200);
            Http.Response again = Http.post(url, body, (m, u, b) -> replayed);
            assertThat(again.status()).as("replayed").isEqualTo(401);
            assertThat(again.body()).contains("replayed");
            assertThat(Http.get(url).json().findValuesAsString("externalId")).containsExactly("GD3");
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
