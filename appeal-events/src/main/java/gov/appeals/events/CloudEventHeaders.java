package gov.appeals.events;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * CloudEvents 1.0 attributes in Kafka binary content mode: each attribute is a record header {@code ce_<name>}
 * holding the UTF-8 string value; the record value is the JSON payload.
 */
public final class CloudEventHeaders {

    public static final String SPEC_VERSION = "ce_specversion";
    public static final String ID = "ce_id";
    public static final String SOURCE = "ce_source";
    public static final String TYPE = "ce_type";
    public static final String SUBJECT = "ce_subject";
    public static final String TIME = "ce_time";
    public static final String CONTENT_TYPE = "content-type";

    public static final String SPEC_VERSION_VALUE = "1.0";
    public static final String JSON = "application/json";

    /**
     * Spring producers mark records carrying CloudEvents attributes with this header; Spring Cloud Function then
     * hands the attributes to a consuming function under their canonical {@code ce-} names instead of {@code ce_}.
     */
    public static final String SPRING_MESSAGE_TYPE = "message-type";

    private static final String CANONICAL_TYPE = "ce-type";

    private CloudEventHeaders() {
    }

    /**
     * The CloudEvents type of a received record, whichever way the consumer's client hands it over: as
     * {@code ce_type} (Kafka binary mode) or {@code ce-type} (Spring Cloud Function's canonical form), as text or as
     * raw UTF-8 bytes. Null when the record has none.
     */
    public static String typeOf(Map<String, ?> headers) {
        Object value = headers.get(TYPE);
        if (value == null) {
            value = headers.get(CANONICAL_TYPE);
        }
        if (value instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        return value == null ? null : value.toString();
    }
}
