package gov.appeals.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import org.apache.kafka.common.Uuid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Kafka broker process: one node in KRaft combined mode (broker and controller), data under
 * {@code <dataDir>/kafka}. Formats its storage on the first run only, so a restart comes back on its topics and
 * offsets.
 */
public final class KafkaBroker {

    private static final Logger log = LoggerFactory.getLogger(KafkaBroker.class);

    private KafkaBroker() {
    }

    public static void main(String[] args) throws IOException {
        PlatformConfig config = PlatformConfig.fromEnvironment(System.getenv());
        Path properties = writeProperties(config);
        if (!isFormatted(config)) {
            format(properties);
        }
        kafka.Kafka.main(new String[] {properties.toString()});
    }

    static Path writeProperties(PlatformConfig config) throws IOException {
        Path dir = Files.createDirectories(config.kafkaDir());
        Properties p = new Properties();
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", "1");
        p.setProperty("controller.quorum.voters", "1@127.0.0.1:" + config.kafkaControllerPort());
        p.setProperty("listeners", "PLAINTEXT://127.0.0.1:" + config.kafkaPort()
                + ",CONTROLLER://127.0.0.1:" + config.kafkaControllerPort());
        p.setProperty("advertised.listeners", "PLAINTEXT://127.0.0.1:" + config.kafkaPort());
        p.setProperty("controller.listener.names", "CONTROLLER");
        p.setProperty("inter.broker.listener.name", "PLAINTEXT");
        p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.setProperty("log.dirs", dataDir(config).toString());
        p.setProperty("num.partitions", "12");
        p.setProperty("auto.create.topics.enable", "true");
        // A single node cannot hold more than one replica of anything.
        p.setProperty("offsets.topic.replication.factor", "1");
        p.setProperty("transaction.state.log.replication.factor", "1");
        p.setProperty("transaction.state.log.min.isr", "1");
        p.setProperty("share.coordinator.state.topic.replication.factor", "1");
        p.setProperty("share.coordinator.state.topic.min.isr", "1");
        // Fewer internal partitions and no rebalance delay: the first consumer groups form in seconds, not minutes.
        p.setProperty("offsets.topic.num.partitions", "3");
        p.setProperty("group.initial.rebalance.delay.ms", "0");
        // Sized for one small node: the log cleaner (it compacts the offsets topic) would otherwise take a 128 MB
        // buffer; a few threads each for the network, disk and background work are enough for one client machine.
        p.setProperty("log.cleaner.dedupe.buffer.size", Integer.toString(8 * 1024 * 1024));
        p.setProperty("log.cleaner.threads", "1");
        p.setProperty("num.network.threads", "2");
        p.setProperty("num.io.threads", "2");
        p.setProperty("background.threads", "2");
        Path file = dir.resolve("server.properties");
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            p.store(out, "Written by gov.appeals.deploy.KafkaBroker on every start");
        }
        return file;
    }

    static boolean isFormatted(PlatformConfig config) {
        return Files.exists(dataDir(config).resolve("meta.properties"));
    }

    private static Path dataDir(PlatformConfig config) {
        return config.kafkaDir().resolve("data");
    }

    private static void format(Path properties) {
        String clusterId = Uuid.randomUuid().toString();
        log.info("First run: formatting Kafka storage for cluster {}", clusterId);
        // execute, not main: StorageTool.main ends the JVM.
        int exit = kafka.tools.StorageTool.execute(
                new String[] {"format", "-t", clusterId, "-c", properties.toString()}, System.out);
        if (exit != 0) {
            throw new UncheckedIOException(new IOException("Kafka storage format failed with exit code " + exit));
        }
    }
}
