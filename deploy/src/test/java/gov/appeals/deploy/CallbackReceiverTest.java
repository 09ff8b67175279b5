package gov.appeals.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CallbackReceiverTest {

    @TempDir
    Path dataDir;

    @Test
    void listsTheCallbacksItReceivedOldestFirst() throws IOException {
        int port = freePort();
        try (CallbackReceiver ignored = CallbackReceiver.start(port, dataDir.resolve("callbacks.jsonl"))) {
            String url = "http://127.0.0.1:" + port + CallbackReceiver.PATH;

            assertThat(Http.post(url, "{\"externalId\":\"GD1\",\"status\":\"ACCEPTED\"}").status()).isEqualTo(200);
            assertThat(Http.post(url, "{\"externalId\":\"GD1\",\"status\":\"ASSIGNED\"}").status()).isEqualTo(200);

            Http.Response list = Http.get(url);
            assertThat(list.status()).isEqualTo(200);
            assertThat(list.json().findValuesAsString("status")).containsExactly("ACCEPTED", "ASSIGNED");
        }
    }

    @Test
    void keepsItsCallbacksAcrossARestart() throws IOException {
        int port = freePort();
        Path file = dataDir.resolve("callbacks.jsonl");
        try (CallbackReceiver ignored = CallbackReceiver.start(port, file)) {
            Http.post("http://127.0.0.1:" + port + CallbackReceiver.PATH, "{\"externalId\":\"GD2\",\"status\":\"CLOSED\"}");
        }
        int again = freePort();
        try (CallbackReceiver ignored = CallbackReceiver.start(again, file)) {
            assertThat(Http.get("http://127.0.0.1:" + again + CallbackReceiver.PATH).json()
                    .findValuesAsString("externalId")).containsExactly("GD2");
        }
    }

    @Test
    void refusesABodyThatIsNotAJsonObjectWithAProblem() throws IOException {
        int port = freePort();
        try (CallbackReceiver ignored = CallbackReceiver.start(port, dataDir.resolve("callbacks.jsonl"))) {
            String url = "http://127.0.0.1:" + port + CallbackReceiver.PATH;

            Http.Response response = Http.post(url, "[1, 2");

            assertThat(response.status()).isEqualTo(400);
            assertThat(response.contentType()).isEqualTo("application/problem+json");
            assertThat(Http.get(url).json()).isEmpty();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
