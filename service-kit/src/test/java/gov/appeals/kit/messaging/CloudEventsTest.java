package gov.appeals.kit.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

class CloudEventsTest {

    @Test
    void readsAnAttributeUnderEitherHeaderSpellingAsTextOrBytes() {
        assertThat(CloudEvents.attribute(Map.of("ce_type", "t.v1"), CloudEvents.TYPE)).isEqualTo("t.v1");
        assertThat(CloudEvents.attribute(Map.of("ce-subject", "a-1".getBytes(StandardCharsets.UTF_8)),
                CloudEvents.SUBJECT)).isEqualTo("a-1");
        assertThat(CloudEvents.attribute(Map.of("kafka_offset", 1L), CloudEvents.ID)).isNull();
    }
}
