package gov.appeals.deploy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the local platform runs and where, from environment variables with defaults. The launcher hands the same
 * variables to the broker, store and receiver processes, so each of them can also be started alone with the same
 * settings.
 */
public record PlatformConfig(
        Path dataDir,
        int kafkaPort,
        int kafkaControllerPort,
        int mongoPort,
        int callbackPort,
        Map<Service, Integer> servicePorts,
        Set<Service> services,
        Optional<Path> referenceDir,
        Duration startupTimeout) {

    public static final String DATA_DIR = "APPEALS_DATA_DIR";
    public static final String KAFKA_PORT = "KAFKA_PORT";
    public static final String KAFKA_CONTROLLER_PORT = "KAFKA_CONTROLLER_PORT";
    public static final String MONGODB_PORT = "MONGODB_PORT";
    public static final String CALLBACK_PORT = "CALLBACK_PORT";
    public static final String SERVICES = "APPEALS_SERVICES";
    public static final String REFERENCE_DIR = "APPEALS_REFERENCE_DIR";
    public static final String STARTUP_TIMEOUT = "APPEALS_STARTUP_TIMEOUT_SECONDS";

    public PlatformConfig {
        dataDir = dataDir.toAbsolutePath().normalize();
        servicePorts = Map.copyOf(servicePorts);
        // Enum order: the services start and are listed in the same order every time.
        Set<Service> ordered = EnumSet.noneOf(Service.class);
        ordered.addAll(services);
        services = Collections.unmodifiableSet(ordered);
    }

    public static PlatformConfig fromEnvironment(Map<String, String> env) {
        Map<Service, Integer> servicePorts = new EnumMap<>(Service.class);
        for (Service service : Service.values()) {
            servicePorts.put(service, port(env, service.portVariable(), service.defaultPort()));
        }
        String referenceDir = env.get(REFERENCE_DIR);
        return new PlatformConfig(
                Path.of(env.getOrDefault(DATA_DIR, ".local")),
                port(env, KAFKA_PORT, 9092),
                port(env, KAFKA_CONTROLLER_PORT, 9093),
                port(env, MONGODB_PORT, 27017),
                port(env, CALLBACK_PORT, 8089),
                servicePorts,
                Service.parseList(env.get(SERVICES)),
                referenceDir == null || referenceDir.isBlank() ? Optional.empty() : Optional.of(Path.of(referenceDir)),
                Duration.ofSeconds(Long.parseLong(env.getOrDefault(STARTUP_TIMEOUT, "300"))));
    }

    private static int port(Map<String, String> env, String name, int defaultPort) {
        String value = env.get(name);
        return value == null || value.isBlank() ? defaultPort : Integer.parseInt(value.trim());
    }

    /** The variables that reproduce this configuration in a child process. */
    public Map<String, String> toEnvironment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put(DATA_DIR, dataDir.toString());
        env.put(KAFKA_PORT, Integer.toString(kafkaPort));
        env.put(KAFKA_CONTROLLER_PORT, Integer.toString(kafkaControllerPort));
        env.put(MONGODB_PORT, Integer.toString(mongoPort));
        env.put(CALLBACK_PORT, Integer.toString(callbackPort));
        return env;
    }

    public int port(Service service) {
        return servicePorts.get(service);
    }

    public String serviceUrl(Service service) {
        return "http://127.0.0.1:" + port(service);
    }

    public String kafkaBootstrapServers() {
        return "127.0.0.1:" + kafkaPort;
    }

    public String mongoUri(String database) {
        // The services bound every wait on the store themselves (appeals.mongodb.*), whatever the URI says.
        return "mongodb://127.0.0.1:" + mongoPort + "/" + database;
    }

    public String callbackUrl() {
        return "http://127.0.0.1:" + callbackPort + CallbackReceiver.PATH;
    }

    public Path logsDir() {
        return dataDir.resolve("logs");
    }

    public Path kafkaDir() {
        return dataDir.resolve("kafka");
    }

    public Path mongoFile() {
        return dataDir.resolve("mongo").resolve("appeals.mv");
    }

    public Path callbacksFile() {
        return dataDir.resolve("callback-receiver").resolve("callbacks.jsonl");
    }
}
