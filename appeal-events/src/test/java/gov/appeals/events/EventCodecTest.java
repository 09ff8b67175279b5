package gov.appeals.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class EventCodecTest {

    private final AppealRef ref = new AppealRef("a-1", "QS-20261123-000001", Source.HOTLINE_12345, "GD1");

    @Test
    void roundTripsEveryFieldOfAnEvent() {
        AppealAssigned assigned = new AppealAssigned("e-1", ref, 2, Instant.parse("2026-11-23T01:00:00Z"),
                "system:dispatch-service", "JD-JW", List.of("JD-CZ"), "FINANCING", "rule:category:FINANCING",
                "category FINANCING", new Deadlines(Instant.parse("2026-11-24T15:59:59Z"), null,
                Instant.parse("2026-11-30T15:59:59Z")));
        EventEnvelope envelope = EventEnvelope.of(assigned, "/appeals/dispatch-service");

        assertThat(envelope.key()).isEqualTo("a-1");
        assertThat(envelope.topic()).isEqualTo(Topics.EVENTS);
        assertThat(envelope.headers()).containsEntry(CloudEventHeaders.TYPE, "gov.appeals.AppealAssigned.v1")
                .containsEntry(CloudEventHeaders.SUBJECT, "a-1").containsEntry(CloudEventHeaders.ID, "e-1");
        assertThat(new String(envelope.payload(), StandardCharsets.UTF_8)).contains("\"2026-11-23T01:00:00Z\"");
        assertThat(EventCodec.decode(AppealAssigned.TYPE, envelope.payload())).contains(assigned);
    }

    @Test
    void readsPayloadsWithPropertiesAndEnumValuesItDoesNotKnow() {
        String json = """
                {"eventId":"e-2","appeal":{"appealId":"a-1","source":"A_NEW_CHANNEL"},"version":3,
                 "occurredAt":"2026-11-23T01:00:00Z","actor":"staff:王","department":"JD-SCJG",
                 "withinDeadline":true,"signedFromMobileApp":true}
                """;
        AppealEvent event = EventCodec.decode(AppealSigned.TYPE, json.getBytes(StandardCharsets.UTF_8)).orElseThrow();
        assertThat(event.department()).isEqualTo("JD-SCJG");
        assertThat(event.appeal().source()).isNull();
    }

    @Test
    void skipsTypesItDoesNotKnowButRefusesMalformedPayloads() {
        assertThat(EventCodec.decode("gov.appeals.AppealSigned.v2", "{}".getBytes())).isEmpty();
        assertThatThrownBy(() -> EventCodec.decode(AppealSigned.TYPE, "not json".getBytes()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
