package gov.appeals.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaBrokerTest {

    @TempDir
    Path dataDir;

    @Test
    void configuresOneCombinedKraftNodeOnTheConfiguredPorts() throws Exception {
        PlatformConfig config = PlatformConfig.fromEnvironment(Map.of(
                "APPEALS_DATA_DIR", dataDir.toString(), "KAFKA_PORT", "19092", "KAFKA_CONTROLLER_PORT", "19093"));

        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(KafkaBroker.writeProperties(config))) {
            p.load(in);
        }

        assertThat(p.getProperty("process.roles")).isEqualTo("broker,controller");
        assertThat(p.getProperty("controller.quorum.voters")).isEqualTo("1@127.0.0.1:19093");
        assertThat(p.getProperty("listeners"))
                .isEqualTo("PLAINTEXT://127.0.0.1:19092,CONTROLLER://127.0.0.1:19093");
        assertThat(p.getProperty("log.dirs")).isEqualTo(dataDir.resolve("kafka/data").toString());
        assertThat(p.getProperty("num.partitions")).isEqualTo("12");
        assertThat(p).containsEntry("offsets.topic.replication.factor", "1")
                .containsEntry("transaction.state.log.replication.factor", "1")
                .containsEntry("transaction.state.log.min.isr", "1")
                .containsEntry("share.coordinator.state.topic.replication.factor", "1")
                .containsEntry("share.coordinator.state.topic.min.isr", "1");
        assertThat(KafkaBroker.isFormatted(config)).isFalse();
    }
}
