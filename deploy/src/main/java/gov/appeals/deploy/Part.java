package gov.appeals.deploy;

import java.util.List;
import java.util.Map;

/**
 * One process of the platform: how to start it and how to tell that it serves.
 *
 * @param name        also the name of its log file, {@code <dataDir>/logs/<name>.log}
 * @param command     the full command line, starting with the {@code java} executable
 * @param environment added to the launcher's own environment
 * @param readiness   answers true once the process accepts work
 */
public record Part(String name, List<String> command, Map<String, String> environment, Readiness readiness) {

    public Part {
        command = List.copyOf(command);
        environment = Map.copyOf(environment);
    }

    /** A check that must not block for long: it is polled. */
    @FunctionalInterface
    public interface Readiness {
        boolean isReady();
    }
}
