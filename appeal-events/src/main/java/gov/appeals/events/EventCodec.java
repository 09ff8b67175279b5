package gov.appeals.events;

import java.util.Map;
import java.util.Optional;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON for event payloads. Reading is tolerant on purpose (unknown properties ignored, unknown enum values read as
 * null) so that additive changes keep an event's version; HTTP request binding in the services is strict instead.
 */
public final class EventCodec {

    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(EnumFeature.READ_UNKNOWN_ENUM_VALUES_AS_NULL)
            .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    private static final Map<String, Class<? extends AppealEvent>> TYPES = Map.ofEntries(
            Map.entry(AppealAccepted.TYPE, AppealAccepted.class),
            Map.entry(AppealAssigned.TYPE, AppealAssigned.class),
            Map.entry(AppealSentToTriage.TYPE, AppealSentToTriage.class),
            Map.entry(AppealSigned.TYPE, AppealSigned.class),
            Map.entry(AppealResponded.TYPE, AppealResponded.class),
            Map.entry(AppealRated.TYPE, AppealRated.class),
            Map.entry(AppealReopened.TYPE, AppealReopened.class),
            Map.entry(AppealClosed.TYPE, AppealClosed.class),
            Map.entry(AppealDueSoon.TYPE, AppealDueSoon.class),
            Map.entry(AppealOverdue.TYPE, AppealOverdue.class),
            Map.entry(SupervisionOrderRaised.TYPE, SupervisionOrderRaised.class),
            Map.entry(SupervisionOrderClosed.TYPE, SupervisionOrderClosed.class),
            Map.entry(ExtensionRequested.TYPE, ExtensionRequested.class),
            Map.entry(ExtensionDecided.TYPE, ExtensionDecided.class),
            Map.entry(HotspotFormed.TYPE, HotspotFormed.class),
            Map.entry(AppealReturned.TYPE, AppealReturned.class),
            Map.entry(CoHandlerInputPosted.TYPE, CoHandlerInputPosted.class),
            Map.entry(AppealNotified.TYPE, AppealNotified.class),
            Map.entry(ConsultationRequested.TYPE, ConsultationRequested.class),
            Map.entry(ConsultationAnswered.TYPE, ConsultationAnswered.class));

    private EventCodec() {
    }

    public static byte[] encode(AppealEvent event) {
        return JSON.writeValueAsBytes(event);
    }

    /**
     * @return the event, or empty when the type is one this contract does not know (a newer producer's type, which
     * a consumer skips rather than fails on)
     * @throws IllegalArgumentException when a known type's payload is not valid JSON for it
     */
    public static Optional<AppealEvent> decode(String type, byte[] payload) {
        Class<? extends AppealEvent> target = type == null ? null : TYPES.get(type);
        if (target == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(payload, target));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Malformed " + type + " payload: " + e.getMessage(), e);
        }
    }

    /** Every CloudEvents type of the contract. */
    public static java.util.Set<String> knownTypes() {
        return TYPES.keySet();
    }

    public static boolean isKnownType(String type) {
        return type != null && TYPES.containsKey(type);
    }
}
