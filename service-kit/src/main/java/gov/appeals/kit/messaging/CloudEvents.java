package gov.appeals.kit.messaging;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * CloudEvents 1.0 attributes in Kafka binary content mode, read however a client hands them over: as
 * {@code ce_<name>} record headers, or under Spring Cloud Function's canonical {@code ce-<name>} (which a consuming
 * function sees for records a Spring producer marked {@code message-type: cloudevent}), as text or raw UTF-8 bytes.
 */
public final class CloudEvents {

    public static final String ID = "id";
    public static final String TYPE = "type";
    public static final String SUBJECT = "subject";

    private CloudEvents() {
    }

    /** @return the attribute's value, or null when the record has none */
    public static String attribute(Map<String, ?> headers, String name) {
        Object value = headers.get("ce_" + name);
        if (value == null) {
            value = headers.get("ce-" + name);
        }
        if (value instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        return value == null ? null : value.toString();
    }
}
