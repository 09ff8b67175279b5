package gov.appeals.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fast service start-up: each service runs from its extracted jar with a start-up cache made by
 * a training run (the service starts completely, then exits: {@code appeals.startup.exit-when-ready}). On a JDK 25 or newer that is an AOT
 * cache (classes loaded and linked, and method profiles, ahead of time: JEP 483/514/515); on an older one a
 * class-data-sharing archive of the application's classes. The services are compiled for Java 17 and run on
 * either. The cache lives next to the service jars, keyed by the jar and the JDK, so it is made once per build and
 * survives a fresh data directory; when anything about it fails, the service simply starts from its jar.
 */
final class StartupCache {

    /** The java a service runs on: {@code APPEALS_SERVICE_JAVA}, else the newest JDK found (see {@link #find}). */
    static final String SERVICE_JAVA = "APPEALS_SERVICE_JAVA";

    private static final Logger log = LoggerFactory.getLogger(StartupCache.class);
    private static final Duration TRAINING_TIMEOUT = Duration.ofMinutes(3);
    private static final int AOT_CACHE_SINCE = 25;

    /** A JDK's java launcher and its feature version. */
    record Jdk(Path java, int feature) {
    }

    private final Jdk jdk;
    private final Path cacheDir;

    StartupCache(Jdk jdk, Path cacheDir) {
        this.jdk = jdk;
        this.cacheDir = cacheDir;
    }

    Jdk jdk() {
        return jdk;
    }

    /**
     * The services' JDK: {@code APPEALS_SERVICE_JAVA} when set; otherwise the newest of the launcher's own JDK,
     * {@code JAVA_HOME} and the JDKs under {@code /usr/lib/jvm}, preferring the launcher's on a tie.
     */
    static Jdk find(Map<String, String> env) {
        String chosen = env.get(SERVICE_JAVA);
        if (chosen != null && !chosen.isBlank()) {
            Path java = Path.of(chosen);
            return new Jdk(java, feature(java.toAbsolutePath().getParent().getParent()).orElse(17));
        }
        List<Path> homes = new ArrayList<>();
        homes.add(Path.of(System.getProperty("java.home")));
        Optional.ofNullable(env.get("JAVA_HOME")).filter(h -> !h.isBlank()).map(Path::of).ifPresent(homes::add);
        try (Stream<Path> installed = Files.list(Path.of("/usr/lib/jvm"))) {
            installed.sorted().forEach(homes::add);
        } catch (IOException | RuntimeException none) {
            // No system JDK directory: the launcher's and JAVA_HOME are the candidates.
        }
        Jdk best = new Jdk(javaOf(homes.get(0)), Runtime.version().feature());
        for (Path home : homes) {
            Path java = javaOf(home);
            Optional<Integer> feature = feature(home);
            if (feature.isPresent() && feature.get() > best.feature() && Files.isExecutable(java)) {
                best = new Jdk(java, feature.get());
            }
        }
        return best;
    }

    private static Path javaOf(Path home) {
        return home.resolve("bin").resolve("java");
    }

    /** The feature version from a JDK's {@code release} file. */
    private static Optional<Integer> feature(Path home) {
        Path release = home.resolve("release");
        if (!Files.isRegularFile(release)) {
            return Optional.empty();
        }
        try (var in = Files.newBufferedReader(release)) {
            Properties p = new Properties();
            p.load(in);
            String version = p.getProperty("JAVA_VERSION", "").replace("\"", "");
            String major = version.split("[.+-]")[0];
            return Optional.of(Integer.parseInt(major));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * The command that starts {@code jar} with its start-up cache, making the cache first (extraction and a
     * training run with {@code environment}) when there is none for this jar and JDK yet.
     *
     * @param jvmOptions the service's JVM options: the training runs with the same ones
     */
    List<String> command(Path jar, List<String> jvmOptions, Map<String, String> environment, Path logFile) {
        List<String> plain = new ArrayList<>();
        plain.add(jdk.java().toString());
        plain.addAll(jvmOptions);
        plain.addAll(List.of("-jar", jar.toString()));
        try {
            String name = jar.getFileName().toString().replaceFirst("\\.jar$", "");
            Path dir = cacheDir.resolve(name + "-" + Files.size(jar) + "-" + Files.getLastModifiedTime(jar).toMillis()
                    + "-jdk" + jdk.feature());
            Path extracted = dir.resolve(jar.getFileName());
            Path cache = dir.resolve(aot() ? "app.aot" : "app.jsa");
            if (!Files.isRegularFile(cache)) {
                make(jar, dir, extracted, cache, jvmOptions, environment, logFile);
            }
            List<String> command = new ArrayList<>();
            command.add(jdk.java().toString());
            command.add(aot() ? "-XX:AOTCache=" + cache : "-XX:SharedArchiveFile=" + cache);
            command.addAll(jvmOptions);
            command.addAll(List.of("-jar", extracted.toString()));
            return command;
        } catch (IOException | RuntimeException e) {
            log.warn("{}: no start-up cache ({}); starting from the jar", jar.getFileName(), e.toString());
            return plain;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return plain;
        }
    }

    private boolean aot() {
        return jdk.feature() >= AOT_CACHE_SINCE;
    }

    private void make(Path jar, Path dir, Path extracted, Path cache, List<String> jvmOptions,
                      Map<String, String> environment, Path logFile) throws IOException, InterruptedException {
        log.info("{}: making its start-up cache on JDK {} (once per build)", jar.getFileName(), jdk.feature());
        Files.createDirectories(cacheDir);
        String stale = dir.getFileName().toString().replaceFirst("-\\d+-\\d+-jdk\\d+$", "-");
        try (Stream<Path> old = Files.list(cacheDir)) {
            for (Path p : old.filter(p -> p.getFileName().toString().startsWith(stale)).toList()) {
                deleteTree(p);
            }
        }
        run(List.of(jdk.java().toString(), "-Djarmode=tools", "-jar", jar.toString(), "extract", "--destination",
                dir.toString()), Map.of(), logFile);
        Path partial = dir.resolve(cache.getFileName() + ".partial");
        List<String> training = new ArrayList<>();
        training.add(jdk.java().toString());
        training.add(aot() ? "-XX:AOTCacheOutput=" + partial : "-XX:ArchiveClassesAtExit=" + partial);
        training.addAll(jvmOptions);
        training.addAll(List.of("-Dappeals.startup.exit-when-ready=true", "-jar", extracted.toString()));
        run(training, environment, logFile);
        if (!Files.isRegularFile(partial)) {
            throw new IOException("the training run wrote no " + partial.getFileName());
        }
        Files.move(partial, cache);
    }

    private static void run(List<String> command, Map<String, String> environment, Path logFile)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        builder.environment().putAll(environment);
        Process process = builder.start();
        if (!process.waitFor(TRAINING_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("timed out after " + TRAINING_TIMEOUT + ": " + command);
        }
        if (process.exitValue() != 0) {
            throw new IOException("exit code " + process.exitValue() + " from " + String.join(" ", command));
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
