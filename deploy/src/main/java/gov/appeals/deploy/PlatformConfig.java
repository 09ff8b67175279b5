package gov.appeals.deploy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
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
        int issuerPort,
        Map<Service, Integer> servicePorts,
        Set<Service> services,
        Optional<Path> referenceDir,
        Duration startupTimeout) {

    public static final String DATA_DIR = "APPEALS_DATA_DIR";
    public static final String KAFKA_PORT = "KAFKA_PORT";
    public static final String KAFKA_CONTROLLER_PORT = "KAFKA_CONTROLLER_PORT";
    public static final String MONGODB_PORT = "MONGODB_PORT";
    public static final String CALLBACK_PORT = "CALLBACK_PORT";
    public static final String ISSUER_PORT = "ISSUER_PORT";
    /** The stand-in SMS gateway's port (default 8090). */
    public static final String SMS_GATEWAY_PORT = "SMS_GATEWAY_PORT";
    public static final String SERVICES = "APPEALS_SERVICES";
    public static final String REFERENCE_DIR = "APPEALS_REFERENCE_DIR";
    public static final String STARTUP_TIMEOUT = "APPEALS_STARTUP_TIMEOUT_SECONDS";
    /** The keys the 12345 hotline signs its requests to the services with ({@code id:secret}, comma-separated). */
    public static final String HOTLINE_KEYS = "HOTLINE_KEYS";
    /** The key the platform signs its callbacks to 12345 with, and the receiver checks them with. */
    public static final String HOTLINE_CALLBACK_KEY = "HOTLINE_CALLBACK_KEY";
    /**
     * The local run's default for both hotline keys when the launcher's environment sets none. A demo value for
     * this machine only: anything reachable from elsewhere sets its own.
     */
    public static final String DEMO_HOTLINE_KEY = "hotline-demo:demo-secret-change-me";
    /** Other channels' request-signing keys, handed to the services only when the launcher's environment sets them. */
    public static final List<String> PASSED_THROUGH_KEYS =
            List.of("PORTAL_KEYS", "COMMISSIONER_KEYS", "STREET_CENTRE_KEYS");

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
                port(env, ISSUER_PORT, 9000),
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
        env.put(ISSUER_PORT, Integer.toString(issuerPort));
        return env;
    }

    /**
     * The signing keys the services get from the launcher's environment {@code env}: {@code HOTLINE_KEYS} and
     * {@code HOTLINE_CALLBACK_KEY} (each {@link #DEMO_HOTLINE_KEY} when unset), and the other channels' keys
     * ({@link #PASSED_THROUGH_KEYS}) when set.
     */
    public static Map<String, String> serviceKeys(Map<String, String> env) {
        Map<String, String> keys = new LinkedHashMap<>();
        keys.put(HOTLINE_KEYS, orDefault(env, HOTLINE_KEYS, DEMO_HOTLINE_KEY));
        keys.put(HOTLINE_CALLBACK_KEY, hotlineCallbackKey(env));
        for (String name : PASSED_THROUGH_KEYS) {
            String value = env.get(name);
            if (value != null && !value.isBlank()) {
                keys.put(name, value);
            }
        }
        return keys;
    }

    /** {@code HOTLINE_CALLBACK_KEY} from the launcher's environment, else {@link #DEMO_HOTLINE_KEY}. */
    public static String hotlineCallbackKey(Map<String, String> env) {
        return orDefault(env, HOTLINE_CALLBACK_KEY, DEMO_HOTLINE_KEY);
    }

    private static String orDefault(Map<String, String> env, String name, String defaultValue) {
        String value = env.get(name);
        return value == null || value.isBlank() ? defaultValue : value;
    }

    public int port(Service service) {
        return servicePorts.get(service);
    }

    public String serviceUrl(Service service) {
        return "http://127.0.0.1:" + port(service);
    }

    /** The local OAuth2/OIDC issuer (identity-server): the tokens' {@code iss} and where its discovery document is. */
    public String issuerUrl() {
        return "http://127.0.0.1:" + issuerPort;
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

    /** {@code SMS_GATEWAY_PORT} from {@code env}, else 8090: where the stand-in SMS gateway listens. */
    public static int smsGatewayPort(Map<String, String> env) {
        return port(env, SMS_GATEWAY_PORT, 8090);
    }

    /** Where notification-service sends its text messages in the local run (its {@code SMS_GATEWAY_URL}). */
    public static String smsGatewayUrl(Map<String, String> env) {
        return "http://127.0.0.1:" + smsGatewayPort(env) + SmsGateway.PATH;
    }

    /** The messages the stand-in SMS gateway recorded. */
    public static Path smsMessagesFile(PlatformConfig config) {
        return config.dataDir().resolve("sms-gateway").resolve("messages.jsonl");
    }
}
