package gov.appeals.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one part as a child process and starts it again, after a back-off, whenever it dies on its own. Output goes
 * to the part's log file, appended across restarts.
 */
public final class SupervisedProcess {

    private static final Logger log = LoggerFactory.getLogger(SupervisedProcess.class);
    private static final Duration FIRST_BACK_OFF = Duration.ofSeconds(1);
    private static final Duration MAX_BACK_OFF = Duration.ofSeconds(30);
    /** A part that ran this long before dying is restarted promptly again; one that keeps dying waits longer. */
    private static final Duration STABLE = Duration.ofMinutes(1);
    private static final Duration POLL = Duration.ofMillis(250);
    private static final int MAX_START_ATTEMPTS = 3;

    private final Part part;
    private final Path logFile;
    private final ScheduledExecutorService scheduler;

    private Process process;
    private Instant startedAt;
    private Duration backOff = FIRST_BACK_OFF;
    private int restarts;
    private boolean stopping;

    SupervisedProcess(Part part, Path logsDir, ScheduledExecutorService scheduler) {
        this.part = part;
        this.logFile = logsDir.resolve(part.name() + ".log");
        this.scheduler = scheduler;
    }

    public String name() {
        return part.name();
    }

    public Path logFile() {
        return logFile;
    }

    public synchronized long pid() {
        return process.pid();
    }

    public synchronized int restarts() {
        return restarts;
    }

    synchronized void start() throws IOException {
        Files.createDirectories(logFile.getParent());
        Files.writeString(logFile, "%n=== %s: launcher starts %s ===%n".formatted(Instant.now(), part.name()),
                StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        ProcessBuilder builder = new ProcessBuilder(part.command())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        builder.environment().putAll(part.environment());
        Process started = builder.start();
        process = started;
        startedAt = Instant.now();
        started.onExit().thenAccept(this::exited);
    }

    private synchronized void exited(Process exited) {
        if (stopping || exited != process) {
            return;
        }
        Duration ran = Duration.between(startedAt, Instant.now());
        Duration delay = ran.compareTo(STABLE) >= 0 ? FIRST_BACK_OFF : backOff;
        backOff = min(delay.multipliedBy(2), MAX_BACK_OFF);
        log.warn("{} (pid {}) exited with code {} after {} s; restarting in {} s (see {})", part.name(),
                exited.pid(), exited.exitValue(), ran.toSeconds(), delay.toSeconds(), logFile);
        scheduler.schedule(this::restart, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private synchronized void restart() {
        if (stopping) {
            return;
        }
        try {
            restarts++;
            start();
            log.info("{} restarted (pid {}, restart #{})", part.name(), process.pid(), restarts);
        } catch (IOException e) {
            log.error("{} could not be restarted; trying again in {} s", part.name(), backOff.toSeconds(), e);
            scheduler.schedule(this::restart, backOff.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    public boolean isReady() {
        return isAlive() && part.readiness().isReady();
    }

    public synchronized boolean isAlive() {
        return process != null && process.isAlive();
    }

    /**
     * Polls the readiness check until it answers or the deadline passes. A part restarting meanwhile is waited for,
     * but one that keeps dying while it starts will not come up by itself: that fails at once.
     */
    void awaitReady(Instant deadline) throws InterruptedException {
        while (!isReady()) {
            if (restarts() >= MAX_START_ATTEMPTS - 1 && !isAlive()) {
                throw new IllegalStateException(part.name() + " died " + MAX_START_ATTEMPTS
                        + " times while starting; see " + logFile);
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(part.name() + " did not become ready in time; see " + logFile);
            }
            // The launcher's own start-up thread: plain JDK threads throughout, nothing reactive to stall.
            Thread.sleep(POLL.toMillis());
        }
    }

    /**
     * Takes the part down on purpose and keeps it down (an outage drill, maintenance) until {@link #resume()}: it is
     * stopped as at shutdown (SIGTERM, then killed after {@code grace}) and not restarted meanwhile.
     */
    public void hold(Duration grace) throws InterruptedException {
        requestStop();
        awaitStopped(grace);
        log.warn("{} held down on purpose", part.name());
    }

    /** Starts a part {@link #hold held} down again, on its existing data. */
    public synchronized void resume() throws IOException {
        stopping = false;
        start();
        log.info("{} resumed (pid {})", part.name(), process.pid());
    }

    /** Asks the process to stop (SIGTERM, so it can close its files) without waiting; no restart follows. */
    synchronized void requestStop() {
        stopping = true;
        if (process != null) {
            process.destroy();
        }
    }

    /** Waits for a process asked to stop, and kills it when it takes longer than {@code grace}. */
    void awaitStopped(Duration grace) throws InterruptedException {
        Process p;
        synchronized (this) {
            p = process;
        }
        if (p != null && !p.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
            log.warn("{} did not stop within {} s; killing it", part.name(), grace.toSeconds());
            p.destroyForcibly().waitFor();
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
