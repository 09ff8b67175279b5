package gov.appeals.kit.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class EventReaderTest {

    private final EventReader<String> strict = (type, payload) -> {
        if (payload.length == 0) {
            throw new IllegalArgumentException("empty payload");
        }
        return Optional.of(type + ":" + new String(payload));
    };

    @Test
    void aFurtherConsumerGroupSkipsARecordThatDoesNotReadButReadsTheRest() {
        EventReader<String> alongside = EventReader.skippingUnreadable(strict);

        assertThat(alongside.read("t", new byte[0])).isEmpty();
        assertThat(alongside.read("t", "x".getBytes())).contains("t:x");
        assertThatThrownBy(() -> strict.read("t", new byte[0])).isInstanceOf(IllegalArgumentException.class);
    }
}
