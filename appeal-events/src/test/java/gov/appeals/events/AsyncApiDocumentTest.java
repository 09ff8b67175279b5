package gov.appeals.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** docs/asyncapi.yaml is what integrators read: it must name every type and the topic the code has. */
class AsyncApiDocumentTest {

    private static final Path DOCUMENT = Path.of("..", "docs", "asyncapi.yaml");

    @Test
    void documentsEveryEventTypeOfTheContractAndItsTopic() throws IOException {
        String document = Files.readString(DOCUMENT);
        assertThat(EventCodec.knownTypes()).isNotEmpty()
                .allSatisfy(type -> assertThat(document).as("docs/asyncapi.yaml").contains("name: " + type));
        assertThat(document).contains("address: " + Topics.EVENTS);
    }
}
