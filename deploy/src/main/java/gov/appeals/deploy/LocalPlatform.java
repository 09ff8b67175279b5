package gov.appeals.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local all-in-one platform: a Kafka broker (KRaft), the MongoDB-compatible store, the 12345 callback receiver,
 * an SMTP sink for staff mail ({@link MailSink}),
 * the OAuth2/OIDC issuer (identity-server) and the four services, each a separate process as in production,
 * supervised (a part that dies is started again on its existing data).
 * {@code java -jar deploy/target/appeals-local.jar} runs it in the foreground; Ctrl-C stops everything.
 */
public final class LocalPlatform implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalPlatform.class);
    private static final Duration STOP_GRACE = Duration.ofSeconds(20);

    private final PlatformConfig config;
    private final Layout layout;
    private final StartupCache startupCache;
    private final String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "platform-supervisor");
        thread.setDaemon(true);
        return thread;
    });
    private final CountDownLatch stopped = new CountDownLatch(1);
    /** Ctrl-C, or the end of whatever JVM started the platform, stops the child processes too. */
    private final Thread stopOnExit = new Thread(this::close, "platform-stop");

    private SupervisedProcess kafka;
    private SupervisedProcess mongo;
    private SupervisedProcess callbackReceiver;
    private SupervisedProcess smsGateway;
    private SupervisedProcess mailSink;
    private SupervisedProcess issuer;
    private final Map<Service, SupervisedProcess> services = new EnumMap<>(Service.class);
    private Duration startupTime;

    public LocalPlatform(PlatformConfig config, Layout layout) {
        this.config = config;
        this.layout = layout;
        this.startupCache = new StartupCache(StartupCache.find(System.getenv()),
                layout.servicesDir().resolveSibling("jvm-cache"));
    }

    public static void main(String[] args) {
        LocalPlatform platform = new LocalPlatform(PlatformConfig.fromEnvironment(System.getenv()),
                Layout.ofRunningCode());
        try {
            platform.start();
        } catch (RuntimeException e) {
            log.error("The platform did not start: {}", e.getMessage());
            System.exit(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        // The launcher is started as `java -jar` with the JVM's defaults, which size its heap from the machine's
        // memory; once the parts run it only supervises them, so a full collection lets it return that memory.
        System.gc();
        System.out.println(platform.summary());
        platform.awaitStopped();
    }

    /**
     * Starts every part and returns once all of them serve: the broker, store, receiver and issuer together, then
     * the services together (they need the broker and the store at start-up, and the issuer to check tokens).
     */
    public void start() throws InterruptedException {
        Instant began = Instant.now();
        Instant deadline = began.plus(config.startupTimeout());
        for (Service service : config.services()) {
            if (!Files.isRegularFile(layout.serviceJar(service))) {
                throw new IllegalStateException("Missing " + layout.serviceJar(service)
                        + ": build first (./mvnw -DskipTests verify)");
            }
        }
        if (!Files.isRegularFile(layout.issuerJar())) {
            throw new IllegalStateException("Missing " + layout.issuerJar()
                    + ": build first (./mvnw -DskipTests verify)");
        }
        Runtime.getRuntime().addShutdownHook(stopOnExit);
        try {
            Files.createDirectories(config.logsDir());
            log.info("Starting the Appeals platform; data in {}, logs in {}", config.dataDir(), config.logsDir());
            kafka = launch(infrastructure("kafka", KafkaBroker.class, JvmOptions.kafka(),
                    Probes.kafka(config.kafkaBootstrapServers(), config.kafkaPort())));
            mongo = launch(infrastructure("mongo", MongoStore.class, JvmOptions.store(), Probes.tcp(config.mongoPort())));
            callbackReceiver = launch(infrastructure("callback-receiver", CallbackReceiver.class, JvmOptions.callbackReceiver(),
                    Probes.http(config.callbackUrl(), "[")));
            smsGateway = launch(infrastructure("sms-gateway", SmsGateway.class, JvmOptions.callbackReceiver(),
                    Probes.http(PlatformConfig.smsGatewayUrl(System.getenv()), "[")));
            mailSink = launch(infrastructure("mail-sink", MailSink.class, JvmOptions.callbackReceiver(),
                    Probes.tcp(mailPort())));
            issuer = launch(issuer());
            mongo.awaitReady(deadline);
            callbackReceiver.awaitReady(deadline);
            smsGateway.awaitReady(deadline);
            mailSink.awaitReady(deadline);
            log.info("mail: smtp://127.0.0.1:{} → {}", mailPort(), MailSink.dir(config));
            kafka.awaitReady(deadline);
            issuer.awaitReady(deadline);
            log.info("Broker, store and issuer ready after {} s; starting {} on JDK {}", seconds(began),
                    config.services(), startupCache.jdk().feature());
            // The parts' commands are worked out together: the first start after a build makes the start-up caches
            // (a training run each), which share the cores better side by side than one after another.
            Map<Service, CompletableFuture<Part>> parts = new EnumMap<>(Service.class);
            for (Service service : config.services()) {
                parts.put(service, CompletableFuture.supplyAsync(() -> service(service)));
            }
            for (Service service : config.services()) {
                services.put(service, launch(parts.get(service).join()));
            }
            for (Map.Entry<Service, SupervisedProcess> entry : services.entrySet()) {
                entry.getValue().awaitReady(deadline);
                log.info("{} healthy after {} s", entry.getKey().artifactId(), seconds(began));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        startupTime = Duration.between(began, Instant.now());
    }

    private SupervisedProcess launch(Part part) throws IOException {
        SupervisedProcess process = new SupervisedProcess(part, config.logsDir(), scheduler);
        process.start();
        log.info("{} started (pid {}), log {}", part.name(), process.pid(), process.logFile());
        return process;
    }

    private Part infrastructure(String name, Class<?> main, List<String> jvmOptions, Part.Readiness readiness) {
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", layout.classpath(), main.getName()));
        Map<String, String> env = new HashMap<>(config.toEnvironment());
        env.putAll(JvmOptions.ENVIRONMENT);
        if (main == CallbackReceiver.class) {
            // The receiver checks the platform's signature on every callback with the same key.
            env.put(PlatformConfig.HOTLINE_CALLBACK_KEY, PlatformConfig.hotlineCallbackKey(System.getenv()));
        }
        if (main == SmsGateway.class) {
            env.put(PlatformConfig.SMS_GATEWAY_PORT, Integer.toString(PlatformConfig.smsGatewayPort(System.getenv())));
        }
        if (main == MailSink.class) {
            env.put(MailSink.MAIL_PORT, Integer.toString(mailPort()));
        }
        return new Part(name, command, env, readiness);
    }

    /**
     * The OAuth2/OIDC issuer: a Spring Boot fat jar run with the launcher's {@code java} (it is small and has no
     * start-up cache), ready when its health is UP. Its signing key lives in the data directory, so tokens issued
     * before a restart still verify after it.
     */
    private Part issuer() {
        Map<String, String> env = new HashMap<>(JvmOptions.ENVIRONMENT);
        env.put(PlatformConfig.ISSUER_PORT, Integer.toString(config.issuerPort()));
        // The tokens' iss, exactly what the services are told to trust (whatever ISSUER_URI the launcher inherited).
        env.put("ISSUER_URI", config.issuerUrl());
        env.put("SERVER_ADDRESS", "127.0.0.1");
        env.put(PlatformConfig.DATA_DIR, config.dataDir().toString());
        config.referenceDir().ifPresent(dir -> env.put(PlatformConfig.REFERENCE_DIR, dir.toAbsolutePath().toString()));
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(JvmOptions.issuer());
        command.addAll(List.of("-jar", layout.issuerJar().toString()));
        return new Part(Layout.ISSUER, command, env, Probes.http(config.issuerUrl() + "/actuator/health", "\"UP\""));
    }

    private Part service(Service service) {
        Map<String, String> env = new HashMap<>(JvmOptions.ENVIRONMENT);
        env.put(service.portVariable(), Integer.toString(config.port(service)));
        // Loopback only: the local run is for this machine; a container sets its own SERVER_ADDRESS.
        env.put("SERVER_ADDRESS", "127.0.0.1");
        // One JSON object a line (ECS) with the appeal id and trace id, as a log pipeline reads them.
        env.put("APPEALS_LOG_FORMAT", System.getenv().getOrDefault("APPEALS_LOG_FORMAT", "ecs"));
        env.put(service.mongoUriVariable(), config.mongoUri(service.database()));
        env.put("KAFKA_BOOTSTRAP_SERVERS", config.kafkaBootstrapServers());
        env.put("HOTLINE_CALLBACK_URL", config.callbackUrl());
        if (service == Service.NOTIFICATION) {
            env.put("SMS_GATEWAY_URL", PlatformConfig.smsGatewayUrl(System.getenv()));
            // Staff mail goes to the local sink, which writes each mail to <data>/mail/<n>.eml.
            env.put("MAIL_HOST", "127.0.0.1");
            env.put(MailSink.MAIL_PORT, Integer.toString(mailPort()));
        }
        // Resource servers: tokens from the local issuer; requests from 12345 (and the other channels) signed.
        env.put("ISSUER_URI", config.issuerUrl());
        // Each secret only where it is used: the sources' keys at intake (the one service they submit to), the
        // hotline's also at notification (12345 sets an enterprise's SMS preference there), the callback key at
        // notification (the one that calls 12345).
        PlatformConfig.serviceKeys(System.getenv()).forEach((name, value) -> {
            boolean callbackKey = name.equals(PlatformConfig.HOTLINE_CALLBACK_KEY);
            boolean hotlineKeys = name.equals(PlatformConfig.HOTLINE_KEYS);
            if (callbackKey ? service == Service.NOTIFICATION
                    : service == Service.INTAKE || hotlineKeys && service == Service.NOTIFICATION) {
                env.put(name, value);
            }
        });
        config.referenceDir().ifPresent(dir -> env.put(PlatformConfig.REFERENCE_DIR, dir.toAbsolutePath().toString()));
        List<String> command = startupCache.command(layout.serviceJar(service), JvmOptions.service(), env,
                config.logsDir().resolve(service.artifactId() + ".log"));
        return new Part(service.artifactId(), command, env,
                Probes.http(config.serviceUrl(service) + "/actuator/health", "\"UP\""));
    }

    /** Every part started, infrastructure first. */
    public List<SupervisedProcess> parts() {
        List<SupervisedProcess> parts = new ArrayList<>();
        for (SupervisedProcess part : Arrays.asList(kafka, mongo, callbackReceiver, smsGateway, mailSink, issuer)) {
            if (part != null) {
                parts.add(part);
            }
        }
        parts.addAll(services.values());
        return parts;
    }

    public SupervisedProcess part(String name) {
        return parts().stream().filter(p -> p.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No part " + name));
    }

    public Duration startupTime() {
        return startupTime;
    }

    public PlatformConfig config() {
        return config;
    }

    /** What a person needs once the platform is up: where everything is and how to try it. */
    public String summary() {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "%nAppeals platform (企业诉求闭环平台) up in %.1f s%n%n",
                startupTime.toMillis() / 1000.0));
        for (Service service : config.services()) {
            String url = config.serviceUrl(service);
            s.append(String.format(Locale.ROOT, "  %-21s %-24s Swagger UI %s/swagger-ui.html%n",
                    service.artifactId(), url, url));
        }
        s.append(String.format(Locale.ROOT, "  %-21s %s%n", "12345 callbacks", config.callbackUrl()));
        s.append(String.format(Locale.ROOT, "  %-21s %s (recorded in %s)%n", "SMS gateway",
                PlatformConfig.smsGatewayUrl(System.getenv()), PlatformConfig.smsMessagesFile(config)));
        s.append(String.format(Locale.ROOT, "  %-21s smtp://127.0.0.1:%d (each mail written to %s)%n", "staff mail",
                mailPort(), MailSink.dir(config)));
        s.append(String.format(Locale.ROOT, "  %-21s %s (discovery %s/.well-known/openid-configuration)%n",
                "OAuth2/OIDC issuer", config.issuerUrl(), config.issuerUrl()));
        s.append(String.format(Locale.ROOT, "  %-21s %s (KRaft, one node)%n", "Kafka broker",
                config.kafkaBootstrapServers()));
        s.append(String.format(Locale.ROOT, "  %-21s %s (mongo-java-server, H2 file %s)%n", "MongoDB store",
                "mongodb://127.0.0.1:" + config.mongoPort(), config.mongoFile()));
        s.append(String.format(Locale.ROOT, "  %-21s %s%n", "Logs", config.logsDir().resolve("<part>.log")));
        s.append(String.format(Locale.ROOT, "  %-21s %s%n%n", "Data", config.dataDir()));
        for (SupervisedProcess part : parts()) {
            s.append(String.format(Locale.ROOT, "  %-21s pid %-8d RSS %s%n", part.name(), part.pid(),
                    ProcessStats.rssKb(part.pid()).stream().mapToObj(kb -> kb / 1024 + " MB").findFirst()
                            .orElse("?")));
        }
        if (config.services().contains(Service.INTAKE)) {
            String intake = config.serviceUrl(Service.INTAKE);
            String body = SampleAppeal.firstHotlineBody();
            String urlPrefix = config.port(Service.INTAKE) == Service.INTAKE.defaultPort() ? ""
                    : "INTAKE_URL=" + intake + " ";
            s.append("\nPost a sample hotline appeal, signed with the local demo key hotline-demo (docs/security.md):\n");
            s.append("  ").append(urlPrefix).append("deploy/hotline-curl.sh POST /api/v1/appeals '").append(body)
                    .append("'\n");
            String hotlineKeys = PlatformConfig.serviceKeys(System.getenv()).get(PlatformConfig.HOTLINE_KEYS);
            if (hotlineKeys.equals(PlatformConfig.DEMO_HOTLINE_KEY)) {
                s.append("or as a curl signed now (valid for 300 s, once):\n  curl -sS -X POST ").append(intake)
                        .append("/api/v1/appeals -H 'Content-Type: application/json'");
                HotlineSignature.parse(PlatformConfig.DEMO_HOTLINE_KEY)
                        .headers("POST", "/api/v1/appeals", body.getBytes(StandardCharsets.UTF_8))
                        .forEach((name, value) -> s.append(" -H '").append(name).append(": ").append(value)
                                .append('\''));
                s.append(" -d '").append(body).append("'\n");
            }
            s.append("Follow it: ").append(urlPrefix).append("deploy/hotline-curl.sh GET /api/v1/appeals/<id>; ")
                    .append("walk one to CLOSED: deploy/walk-sample.sh\n");
        }
        s.append("\nDemo users (local only, password ").append(demoPasswordHint())
                .append("): clerk-<unit> and head-<unit> for every department and street (e.g. clerk-JD-SWJ, ")
                .append("head-ST-XH), triager, supervisor, operator\n");
        s.append("Get a token: ");
        if (config.issuerPort() != 9000) {
            s.append("ISSUER_URI=").append(config.issuerUrl()).append(' ');
        }
        s.append("deploy/token.sh clerk-JD-SWJ\n");
        s.append("\nCtrl-C stops everything.\n");
        return s.toString();
    }

    /** The demo password as far as it is not a secret: the default is named, one set by DEMO_PASSWORD is not. */
    private static String demoPasswordHint() {
        String password = System.getenv("DEMO_PASSWORD");
        return password == null || password.isBlank() ? "demo" : "DEMO_PASSWORD";
    }

    /** Blocks until {@link #close()} has run, e.g. from the Ctrl-C shutdown hook. */
    public void awaitStopped() {
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops the services first (they flush to the broker and the store), then the receiver, store and broker. */
    @Override
    public void close() {
        if (stopped.getCount() == 0) {
            return;
        }
        try {
            stopAll(new ArrayList<>(services.values()));
            stopAll(parts().stream().filter(p -> !services.containsValue(p)).toList());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            scheduler.shutdownNow();
            stopped.countDown();
            removeShutdownHook();
        }
        log.info("Appeals platform stopped");
    }

    private void removeShutdownHook() {
        try {
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
        } catch (IllegalStateException | IllegalArgumentException alreadyStoppingOrNeverStarted) {
            // Either the JVM is exiting (this is the hook running) or start() never registered it.
        }
    }

    private static void stopAll(List<SupervisedProcess> parts) throws InterruptedException {
        parts.forEach(SupervisedProcess::requestStop);
        for (SupervisedProcess part : parts) {
            part.awaitStopped(STOP_GRACE);
        }
    }

    private static String seconds(Instant since) {
        return String.format(Locale.ROOT, "%.1f", Duration.between(since, Instant.now()).toMillis() / 1000.0);
    }

    /** The local SMTP sink's port: {@code MAIL_PORT} of the launcher's environment, default 2525. */
    private static int mailPort() {
        return MailSink.port(System.getenv());
    }
}
