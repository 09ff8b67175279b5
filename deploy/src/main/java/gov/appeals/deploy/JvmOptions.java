package gov.appeals.deploy;

import java.util.List;
import java.util.Map;

/**
 * The JVM settings of each part of the local run, fitted to a small node (2 cores, a few GB): every part has its
 * own process, so every part's heap and threads are paid for separately.
 */
final class JvmOptions {

    /**
     * The environment of every part: {@code MALLOC_ARENA_MAX=2} keeps the C library from giving each of a JVM's
     * many threads its own malloc arena of up to 64 MB, memory that stays resident once touched.
     */
    static final Map<String, String> ENVIRONMENT = Map.of("MALLOC_ARENA_MAX", "2");

    private JvmOptions() {
    }

    /**
     * A service (Spring Boot, WebFlux, Kafka clients, MongoDB driver).
     * <ul>
     *   <li>{@code -XX:+UseSerialGC}: one collector thread instead of G1's concurrent ones and remembered sets; on
     *       a heap this small a young collection takes a few milliseconds, and six JVMs share two cores anyway;</li>
     *   <li>{@code -Xms48m -Xmn32m -Xmx256m}: a service's live data is a few tens of MB (the dispatch queues hold
     *       ~200 bytes an open appeal); the rest is short-lived garbage of requests and records, which a 32 MB young
     *       generation collects in a few milliseconds. Left to its defaults the JVM commits a quarter of the heap
     *       to the young generation at once and touches all of it, ~80 MB a service of resident memory for
     *       nothing;</li>
     *   <li>the full JIT (C1, then C2 for hot code), measured against C1 alone under the peer comparison's plan on
     *       this 2-core machine: 11 % less CPU a lifecycle once warm (337 against 379 ms, 5.2 against 4.7
     *       lifecycles/s), but start-up takes 42.6 s instead of 28.6 s and the first thousand lifecycles cost more
     *       (C2's compiler threads: 18 % of all CPU after 3,000 lifecycles). {@code -XX:TieredStopAtLevel=1} trades
     *       the one for the other. The code cache keeps its default size: a 64 MB one made the JVM flush and
     *       recompile methods without end;</li>
     *   <li>{@code -XX:TrimNativeHeapInterval=5000}: gives the C library's free memory (the JIT compilers' arenas,
     *       mostly) back to the system every 5 s instead of keeping it for good; see also {@link #ENVIRONMENT};</li>
     *   <li>{@code -Xss512k}: ~60 threads a service (event loops, Kafka, MongoDB, schedulers) none of which
     *       recurses deeply;</li>
     *   <li>{@code -XX:+ExitOnOutOfMemoryError}: a service out of memory is in an unknown state; exiting lets the
     *       launcher (or the orchestrator) start it again on its stored state.</li>
     * </ul>
     */
    static List<String> service() {
        return List.of("-XX:+UseSerialGC", "-Xms48m", "-Xmn32m", "-Xmx256m", "-XX:TrimNativeHeapInterval=5000",
                "-Xss512k", "-XX:+ExitOnOutOfMemoryError");
    }

    /**
     * The Kafka broker: a small young generation (as for the services) and 256 MB of heap at most is plenty for one node's request handling (the data lives in the page
     * cache, not the heap), given a small log-cleaner buffer (see {@link KafkaBroker}); serial GC for the same
     * reasons as the services.
     */
    static List<String> kafka() {
        return List.of("-XX:+UseSerialGC", "-Xms32m", "-Xmn16m", "-Xmx256m", "-XX:TrimNativeHeapInterval=5000",
                "-Xss512k");
    }

    /** The store (mongo-java-server over an H2 file): its cache is H2's page cache, bounded inside the heap. */
    static List<String> store() {
        return List.of("-XX:+UseSerialGC", "-Xms32m", "-Xmn16m", "-Xmx256m", "-XX:TrimNativeHeapInterval=5000",
                "-Xss512k");
    }

    /** The 12345 callback receiver: a stand-in holding the last callbacks it received, in a small heap. */
    static List<String> callbackReceiver() {
        return List.of("-XX:+UseSerialGC", "-Xms16m", "-Xmn8m", "-Xmx64m", "-XX:TrimNativeHeapInterval=5000",
                "-Xss512k");
    }

    /**
     * The OAuth2/OIDC issuer (identity-server: Spring Boot, servlet, Tomcat): a few logins and token requests a
     * minute, a hundred-odd users in memory. Serial GC and small generations as for the services; C1 only
     * ({@code -XX:TieredStopAtLevel=1}): it never runs hot enough for C2 to pay back its compiler threads and it
     * starts faster.
     */
    static List<String> issuer() {
        return List.of("-XX:+UseSerialGC", "-Xms24m", "-Xmn12m", "-Xmx128m", "-XX:TieredStopAtLevel=1",
                "-XX:TrimNativeHeapInterval=5000", "-Xss512k", "-XX:+ExitOnOutOfMemoryError");
    }
}
