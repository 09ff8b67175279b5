package gov.appeals.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The whole platform, started once per test run through {@link LocalPlatform} exactly as {@code java -jar} starts
 * it, but in a fresh temporary data directory on free ports, so it never meets a platform someone runs locally.
 * Test classes take it as a {@link LocalPlatform} parameter; it stops when the run ends.
 */
public final class PlatformExtension implements ParameterResolver {

    /** The tests drive all four services. */
    static final Set<Service> SERVICES = EnumSet.allOf(Service.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == LocalPlatform.class;
    }

    @Override
    public LocalPlatform resolveParameter(ParameterContext parameter, ExtensionContext context) {
        RunningPlatform running = context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .computeIfAbsent(RunningPlatform.class, key -> RunningPlatform.start(), RunningPlatform.class);
        if (running.failure() != null) {
            throw new IllegalStateException("The platform did not start", running.failure());
        }
        return running.platform();
    }

    /** Either the started platform or why it did not start: a failed start is not tried again for every test. */
    private record RunningPlatform(LocalPlatform platform, RuntimeException failure) implements AutoCloseable {

        static RunningPlatform start() {
            try {
                return new RunningPlatform(launch(), null);
            } catch (RuntimeException e) {
                return new RunningPlatform(null, e);
            }
        }

        private static LocalPlatform launch() {
            List<Integer> ports = freePorts(9);
            Map<Service, Integer> servicePorts = new EnumMap<>(Service.class);
            for (Service service : Service.values()) {
                servicePorts.put(service, ports.get(4 + service.ordinal()));
            }
            PlatformConfig config;
            try {
                config = new PlatformConfig(Files.createTempDirectory("appeals-e2e-"), ports.get(0), ports.get(1),
                        ports.get(2), ports.get(3), ports.get(8), servicePorts, SERVICES, Optional.empty(),
                        Duration.ofMinutes(5));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            LocalPlatform platform = new LocalPlatform(config, Layout.ofRunningCode());
            try {
                platform.start();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                platform.close();
                throw new IllegalStateException(e);
            } catch (RuntimeException e) {
                platform.close();
                throw e;
            }
            System.out.printf("%n[platform] infrastructure: real Kafka broker process (KRaft, kafka_2.13) + "
                    + "mongo-java-server H2-file process + OAuth2/OIDC issuer process (identity-server, %s), "
                    + "each part a separate JVM; data in %s%n", config.issuerUrl(), config.dataDir());
            System.out.printf("[platform] all %d services healthy %.1f s after launch%n", SERVICES.size(),
                    platform.startupTime().toMillis() / 1000.0);
            printMemory(platform);
            return platform;
        }

        @Override
        public void close() {
            if (platform != null) {
                printMemory(platform);
                platform.close();
            }
        }

        private static void printMemory(LocalPlatform platform) {
            for (SupervisedProcess part : platform.parts()) {
                System.out.printf("[platform] %-21s pid %-8d VmRSS %s%n", part.name(), part.pid(),
                        ProcessStats.rssKb(part.pid()).stream().mapToObj(kb -> kb / 1024 + " MB").findFirst()
                                .orElse("unknown"));
            }
        }

        private static List<Integer> freePorts(int count) {
            List<ServerSocket> sockets = new ArrayList<>();
            try {
                for (int i = 0; i < count; i++) {
                    sockets.add(new ServerSocket(0));
                }
                return sockets.stream().map(ServerSocket::getLocalPort).toList();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                for (ServerSocket socket : sockets) {
                    try {
                        socket.close();
                    } catch (IOException ignored) {
                        // the port is released either way once the socket is gone
                    }
                }
            }
        }
    }
}
