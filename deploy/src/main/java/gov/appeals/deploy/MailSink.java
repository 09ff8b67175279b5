package gov.appeals.deploy;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stands in for the district's mail server in the local run: an SMTP server on {@code 127.0.0.1:MAIL_PORT} (default
 * 2525) that takes every mail for any address and writes it, as received, to {@code <dataDir>/mail/<n>.eml}
 * (numbered on from the files already there, so a restarted sink keeps the earlier ones). It speaks the plain SMTP
 * a mail client needs (HELO/EHLO, MAIL, RCPT, DATA, RSET, NOOP, QUIT), no TLS and no login: it is for this machine
 * only. Open the {@code .eml} files with any mail client, or read them as text.
 */
public final class MailSink implements AutoCloseable {

    public static final String MAIL_PORT = "MAIL_PORT";
    public static final int DEFAULT_PORT = 2525;

    private static final Logger log = LoggerFactory.getLogger(MailSink.class);
    private static final int MAX_MESSAGE_BYTES = 10 * 1024 * 1024;

    private final ServerSocket server;
    private final Path dir;
    private final AtomicInteger last;
    private final ExecutorService executor = Executors.newFixedThreadPool(4, runnable -> {
        Thread thread = new Thread(runnable, "mail-sink");
        thread.setDaemon(true);
        return thread;
    });

    private MailSink(int port, Path dir) throws IOException {
        this.dir = dir;
        Files.createDirectories(dir);
        this.last = new AtomicInteger(highestNumber(dir));
        this.server = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
    }

    public static MailSink start(int port, Path dir) throws IOException {
        MailSink sink = new MailSink(port, dir);
        Thread acceptor = new Thread(sink::accept, "mail-sink-accept");
        acceptor.setDaemon(true);
        acceptor.start();
        log.info("mail: smtp://127.0.0.1:{} → {} ({} earlier mails)", sink.port(), dir, sink.last.get());
        return sink;
    }

    /** {@code MAIL_PORT} from {@code env}, else {@link #DEFAULT_PORT}. */
    public static int port(java.util.Map<String, String> env) {
        String value = env.get(MAIL_PORT);
        return value == null || value.isBlank() ? DEFAULT_PORT : Integer.parseInt(value.trim());
    }

    /** Where the sink of the platform configured by {@code config} writes its mail. */
    public static Path dir(PlatformConfig config) {
        return config.dataDir().resolve("mail");
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        PlatformConfig config = PlatformConfig.fromEnvironment(System.getenv());
        MailSink sink = start(port(System.getenv()), dir(config));
        Runtime.getRuntime().addShutdownHook(new Thread(sink::close, "mail-sink-stop"));
        Thread.currentThread().join();
    }

    public int port() {
        return server.getLocalPort();
    }

    /** The mails received so far, oldest first. */
    public List<Path> mails() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> number(p) > 0).sorted(java.util.Comparator.comparingInt(MailSink::number))
                    .toList();
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            log.debug("Closing the mail sink: {}", e.toString());
        }
        executor.shutdownNow();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                executor.execute(() -> converse(socket));
            } catch (SocketException closed) {
                return;
            } catch (IOException e) {
                log.warn("Mail sink: {}", e.toString());
            }
        }
    }

    private void converse(Socket socket) {
        try (socket; InputStream in = socket.getInputStream();
             OutputStream out = new BufferedOutputStream(socket.getOutputStream())) {
            socket.setSoTimeout(60_000);
            reply(out, "220 appeals-mail-sink ESMTP ready");
            String from = null;
            List<String> to = new ArrayList<>();
            String line;
            while ((line = readLine(in)) != null) {
                String command = line.length() < 4 ? line.toUpperCase(Locale.ROOT)
                        : line.substring(0, 4).toUpperCase(Locale.ROOT);
                switch (command) {
                    case "HELO" -> reply(out, "250 appeals-mail-sink");
                    case "EHLO" -> reply(out, "250-appeals-mail-sink\r\n250-SIZE " + MAX_MESSAGE_BYTES
                            + "\r\n250 8BITMIME");
                    case "MAIL" -> {
                        from = address(line);
                        to.clear();
                        reply(out, "250 OK");
                    }
                    case "RCPT" -> {
                        if (from == null) {
                            reply(out, "503 MAIL first");
                        } else {
                            to.add(address(line));
                            reply(out, "250 OK");
                        }
                    }
                    case "DATA" -> {
                        if (to.isEmpty()) {
                            reply(out, "503 RCPT first");
                            break;
                        }
                        reply(out, "354 End data with <CR><LF>.<CR><LF>");
                        byte[] message = readData(in);
                        if (message == null) {
                            reply(out, "552 Message too large");
                        } else {
                            int n = store(message);
                            log.info("mail {}: {} → {} ({} bytes)", n, from, String.join(", ", to), message.length);
                            reply(out, "250 OK queued as " + n);
                        }
                        from = null;
                        to.clear();
                    }
                    case "RSET" -> {
                        from = null;
                        to.clear();
                        reply(out, "250 OK");
                    }
                    case "NOOP" -> reply(out, "250 OK");
                    case "QUIT" -> {
                        reply(out, "221 Bye");
                        return;
                    }
                    default -> reply(out, "502 Command not implemented");
                }
            }
        } catch (IOException e) {
            log.debug("Mail sink connection ended: {}", e.toString());
        }
    }

    private int store(byte[] message) throws IOException {
        int n = last.incrementAndGet();
        Files.write(dir.resolve(n + ".eml"), message, StandardOpenOption.CREATE_NEW);
        return n;
    }

    private static String address(String line) {
        int colon = line.indexOf(':');
        String rest = colon < 0 ? "" : line.substring(colon + 1).trim();
        int open = rest.indexOf('<');
        int close = rest.indexOf('>');
        return open >= 0 && close > open ? rest.substring(open + 1, close) : rest.split(" ")[0];
    }

    /** The message up to the line holding one dot, dots at line starts unstuffed; null when it is too large. */
    private static byte[] readData(InputStream in) throws IOException {
        ByteArrayOutputStream message = new ByteArrayOutputStream();
        boolean tooLarge = false;
        String line;
        while ((line = readLine(in)) != null && !line.equals(".")) {
            if (tooLarge) {
                continue;
            }
            byte[] bytes = (line.startsWith(".") ? line.substring(1) : line).getBytes(StandardCharsets.ISO_8859_1);
            message.write(bytes);
            message.write('\r');
            message.write('\n');
            tooLarge = message.size() > MAX_MESSAGE_BYTES;
        }
        return tooLarge ? null : message.toByteArray();
    }

    /** One line without its CRLF, bytes kept as they are (ISO-8859-1 maps each byte to one char); null at the end. */
    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
            }
            line.write(b);
            if (line.size() > 64 * 1024) {
                throw new IOException("line too long");
            }
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
    }

    private static void reply(OutputStream out, String text) throws IOException {
        out.write((text + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    private static int highestNumber(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.mapToInt(MailSink::number).max().orElse(0);
        }
    }

    private static int number(Path file) {
        String name = file.getFileName().toString();
        if (!name.endsWith(".eml")) {
            return 0;
        }
        try {
            return Integer.parseInt(name.substring(0, name.length() - 4));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
