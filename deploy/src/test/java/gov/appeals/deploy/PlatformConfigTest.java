package gov.appeals.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Map;

import org.junit.jupiter.api.Test;

class PlatformConfigTest {

    @Test
    void defaultsToTheDocumentedPortsAndDataDirectory() {
        PlatformConfig config = PlatformConfig.fromEnvironment(Map.of());

        assertThat(config.dataDir()).isEqualTo(Path.of(".local").toAbsolutePath().normalize());
        assertThat(config.kafkaBootstrapServers()).isEqualTo("127.0.0.1:9092");
        assertThat(config.kafkaControllerPort()).isEqualTo(9093);
        assertThat(config.mongoUri("appeal-intake")).isEqualTo("mongodb://127.0.0.1:27017/appeal-intake");
        assertThat(config.callbackUrl()).isEqualTo("http://127.0.0.1:8089/12345/callbacks");
        assertThat(config.serviceUrl(Service.INTAKE)).isEqualTo("http://127.0.0.1:8081");
        assertThat(config.serviceUrl(Service.NOTIFICATION)).isEqualTo("http://127.0.0.1:8084");
        assertThat(config.services()).containsExactlyInAnyOrder(Service.values());
        assertThat(config.referenceDir()).isEmpty();
        assertThat(config.issuerPort()).isEqualTo(9000);
        assertThat(config.issuerUrl()).isEqualTo("http://127.0.0.1:9000");
    }

    @Test
    void takesPortsDataDirectoryAndServicesFromTheEnvironment() {
        PlatformConfig config = PlatformConfig.fromEnvironment(Map.of(
                "APPEALS_DATA_DIR", "/tmp/appeals-x", "KAFKA_PORT", "19092", "MONGODB_PORT", "27018",
                "DISPATCH_PORT", "18082", "APPEALS_SERVICES", "intake, dispatch",
                "APPEALS_REFERENCE_DIR", "/etc/appeals"));

        assertThat(config.mongoFile()).isEqualTo(Path.of("/tmp/appeals-x/mongo/appeals.mv"));
        assertThat(config.logsDir()).isEqualTo(Path.of("/tmp/appeals-x/logs"));
        assertThat(config.kafkaBootstrapServers()).isEqualTo("127.0.0.1:19092");
        assertThat(config.mongoUri("dispatch-service")).isEqualTo("mongodb://127.0.0.1:27018/dispatch-service");
        assertThat(config.serviceUrl(Service.DISPATCH)).isEqualTo("http://127.0.0.1:18082");
        assertThat(config.services()).isEqualTo(EnumSet.of(Service.INTAKE, Service.DISPATCH));
        assertThat(config.referenceDir()).contains(Path.of("/etc/appeals"));
    }

    @Test
    void handsChildProcessesTheVariablesThatReproduceIt() {
        PlatformConfig config = PlatformConfig.fromEnvironment(Map.of(
                "APPEALS_DATA_DIR", "/tmp/appeals-y", "KAFKA_CONTROLLER_PORT", "19093", "CALLBACK_PORT", "18089",
                "ISSUER_PORT", "19000"));

        PlatformConfig child = PlatformConfig.fromEnvironment(config.toEnvironment());

        assertThat(child.dataDir()).isEqualTo(config.dataDir());
        assertThat(child.kafkaPort()).isEqualTo(config.kafkaPort());
        assertThat(child.kafkaControllerPort()).isEqualTo(19093);
        assertThat(child.mongoPort()).isEqualTo(config.mongoPort());
        assertThat(child.callbackPort()).isEqualTo(18089);
        assertThat(child.issuerUrl()).isEqualTo("http://127.0.0.1:19000");
    }

    @Test
    void refusesAnUnknownServiceName() {
        assertThatThrownBy(() -> PlatformConfig.fromEnvironment(Map.of("APPEALS_SERVICES", "intake,billing")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("BILLING");
    }

    @Test
    void givesTheServicesTheLocalDemoHotlineKeyUnlessTheEnvironmentSetsOne() {
        assertThat(PlatformConfig.serviceKeys(Map.of())).isEqualTo(Map.of(
                "HOTLINE_KEYS", "hotline-demo:demo-secret-change-me",
                "HOTLINE_CALLBACK_KEY", "hotline-demo:demo-secret-change-me"));

        assertThat(PlatformConfig.serviceKeys(Map.of("HOTLINE_KEYS", "h1:s1,h2:s2", "HOTLINE_CALLBACK_KEY", "cb:s3",
                "PORTAL_KEYS", "portal:s4", "PATH", "/usr/bin"))).isEqualTo(Map.of(
                "HOTLINE_KEYS", "h1:s1,h2:s2", "HOTLINE_CALLBACK_KEY", "cb:s3", "PORTAL_KEYS", "portal:s4"));
    }
}
