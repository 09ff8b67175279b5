package gov.appeals.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SmsGatewayTest {

    private static final String MESSAGE = "{\"messageId\":\"%s\",\"phone\":\"13078106871\",\"text\":\"您的诉求已受理\","
            + "\"signature\":\"【嘉定区企业服务】\"}";

    @TempDir
    Path dataDir;

    @Test
    void recordsEachMessageOnceAndAnswersARepeatWithTheSameId() throws IOException {
        int port = freePort();
        Path file = dataDir.resolve("messages.jsonl");
        try (SmsGateway ignored = SmsGateway.start(port, file)) {
            String url = "http://127.0.0.1:" + port + SmsGateway.PATH;

            Http.Response first = Http.post(url, MESSAGE.formatted("m-1"));
            Http.Response repeat = Http.post(url, MESSAGE.formatted("m-1"));
            Http.post(url, MESSAGE.formatted("m-2"));

            assertThat(first.status()).isEqualTo(200);
            assertThat(first.json().path("id").asString()).isEqualTo("m-1");
            assertThat(repeat.status()).isEqualTo(200);
            assertThat(repeat.json().path("id").asString()).isEqualTo("m-1");
            assertThat(Http.get(url).json().findValuesAsString("messageId")).containsExactly("m-1", "m-2");
            assertThat(Files.readAllLines(file)).hasSize(2);
        }
    }

    @Test
    void keepsItsMessagesAcrossARestart() throws IOException {
        Path file = dataDir.resolve("messages.jsonl");
        int port = freePort();
        try (SmsGateway ignored = SmsGateway.start(port, file)) {
            Http.post("http://127.0.0.1:" + port + SmsGateway.PATH, MESSAGE.formatted("m-3"));
        }
        int again = freePort();
        try (SmsGateway ignored = SmsGateway.start(again, file)) {
            String url = "http://127.0.0.1:" + again + SmsGateway.PATH;
            Http.post(url, MESSAGE.formatted("m-3"));
            assertThat(Http.get(url).json().findValuesAsString("messageId")).containsExactly("m-3");
        }
    }

    @Test
    void refusesAMessageWithoutIdPhoneOrText() throws IOException {
        int port = freePort();
        try (SmsGateway ignored = SmsGateway.start(port, dataDir.resolve("messages.jsonl"))) {
            String url = "http://127.0.0.1:" + port + SmsGateway.PATH;

            Http.Response response = Http.post(url, "{\"phone\":\"13078106871\",\"text\":\"x\"}");

            assertThat(response.status()).isEqualTo(400);
            assertThat(response.contentType()).isEqualTo("application/problem+json");
            assertThat(Http.get(url).json()).isEmpty();
        }
    }

    @Test
    void logsTheNumberMasked() {
        assertThat(SmsGateway.mask("13078106871")).isEqualTo("130****6871");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
