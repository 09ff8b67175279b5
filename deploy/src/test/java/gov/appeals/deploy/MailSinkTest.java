package gov.appeals.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MailSinkTest {

    @TempDir
    Path dir;

    /** One SMTP conversation as a mail client has it; returns the server's replies, one per line sent (and the greeting). */
    static String converse(int port, String... lines) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.US_ASCII));
            OutputStream out = socket.getOutputStream();
            StringBuilder replies = new StringBuilder(readReply(in));
            for (String line : lines) {
                out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
                if (!inData(line, replies)) {
                    replies.append(readReply(in));
                }
            }
            return replies.toString();
        }
    }

    private static boolean inData(String line, StringBuilder replies) {
        // Between the 354 and the lone dot the server does not answer each line.
        int start = replies.lastIndexOf("354");
        int end = replies.lastIndexOf("250 OK queued");
        return start >= 0 && start > end && !line.equals(".");
    }

    private static String readReply(BufferedReader in) throws IOException {
        StringBuilder reply = new StringBuilder();
        String line;
        do {
            line = in.readLine();
            reply.append(line).append('\n');
        } while (line != null && line.length() > 3 && line.charAt(3) == '-');
        return reply.toString();
    }

    @Test
    void writesEachMailItTakesToANumberedEmlFile() throws Exception {
        try (MailSink sink = MailSink.start(0, dir)) {
            String replies = converse(sink.port(), "EHLO client", "MAIL FROM:<appeals-noreply@appeals.local>",
                    "RCPT TO:<dev_reform@appeals.local>", "DATA", "Subject: hello", "", "first line",
                    "..dot-stuffed", ".", "QUIT");

            assertThat(replies).startsWith("220 ").contains("250 OK queued as 1", "221 Bye");
            assertThat(sink.mails()).containsExactly(dir.resolve("1.eml"));
            assertThat(Files.readString(dir.resolve("1.eml")))
                    .isEqualTo("Subject: hello\r\n\r\nfirst line\r\n.dot-stuffed\r\n");
        }
    }

    @Test
    void numbersOnFromTheMailsAlreadyThereAfterARestart() throws Exception {
        Files.writeString(dir.resolve("7.eml"), "Subject: earlier\r\n\r\n");
        try (MailSink sink = MailSink.start(0, dir)) {
            String replies = converse(sink.port(), "HELO client", "MAIL FROM:<a@appeals.local>",
                    "RCPT TO:<b@appeals.local>", "DATA", "Subject: later", "", ".", "QUIT");

            assertThat(replies).contains("250 OK queued as 8");
            assertThat(sink.mails()).containsExactly(dir.resolve("7.eml"), dir.resolve("8.eml"));
        }
    }

    @Test
    void refusesDataBeforeARecipient() throws Exception {
        try (MailSink sink = MailSink.start(0, dir)) {
            String replies = converse(sink.port(), "HELO client", "DATA", "QUIT");

            assertThat(replies).contains("503 RCPT first");
            assertThat(sink.mails()).isEmpty();
        }
    }
}
