package gov.appeals.deploy;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** The four services: each a Spring Boot fat jar named after its artifact, owning the database of the same name. */
public enum Service {
    INTAKE("appeal-intake", "INTAKE", 8081),
    DISPATCH("dispatch-service", "DISPATCH", 8082),
    FEEDBACK("feedback-service", "FEEDBACK", 8083),
    NOTIFICATION("notification-service", "NOTIFICATION", 8084);

    private final String artifactId;
    private final String envPrefix;
    private final int defaultPort;

    Service(String artifactId, String envPrefix, int defaultPort) {
        this.artifactId = artifactId;
        this.envPrefix = envPrefix;
        this.defaultPort = defaultPort;
    }

    public String artifactId() {
        return artifactId;
    }

    public String database() {
        return artifactId;
    }

    public String portVariable() {
        return envPrefix + "_PORT";
    }

    public String mongoUriVariable() {
        return envPrefix + "_MONGODB_URI";
    }

    public int defaultPort() {
        return defaultPort;
    }

    /** Parses a comma-separated list such as {@code intake,dispatch}; blank means all four. */
    static Set<Service> parseList(String list) {
        if (list == null || list.isBlank()) {
            return EnumSet.allOf(Service.class);
        }
        return Arrays.stream(list.split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .map(s -> Service.valueOf(s.toUpperCase(Locale.ROOT)))
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Service.class)));
    }
}
