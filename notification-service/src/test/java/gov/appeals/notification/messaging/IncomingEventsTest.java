package gov.appeals.notification.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;

import gov.appeals.events.AppealRef;
import gov.appeals.events.AppealSigned;
import gov.appeals.events.CloudEventHeaders;
import gov.appeals.events.EventCodec;
import gov.appeals.events.Source;

class IncomingEventsTest {

    private static final AppealSigned SIGNED = new AppealSigned("e-1",
            new AppealRef("a-1", "QS-1", Source.HOTLINE_12345, "GD-1"), 3, Instant.parse("2026-03-02T01:30:00Z"),
            "staff:li", "DEV_REFORM", true);

    @Test
    void readsTheTypeHeaderWhetherTheBinderHandsItOverAsTextOrAsBytes() {
        Message<byte[]> asText = message(AppealSigned.TYPE);
        Message<byte[]> asBytes = message(AppealSigned.TYPE.getBytes(StandardCharsets.UTF_8));

        assertThat(IncomingEvents.decode(asText)).contains(SIGNED);
        assertThat(IncomingEvents.decode(asBytes)).contains(SIGNED);
    }

    @Test
    void skipsTypesTheContractDoesNotKnow() {
        assertThat(IncomingEvents.decode(message("gov.appeals.AppealEscalated.v1"))).isEmpty();
        assertThat(IncomingEvents.decode(MessageBuilder.withPayload(EventCodec.encode(SIGNED)).build())).isEmpty();
    }

    private static Message<byte[]> message(Object type) {
        return MessageBuilder.withPayload(EventCodec.encode(SIGNED)).setHeader(CloudEventHeaders.TYPE, type).build();
    }
}
