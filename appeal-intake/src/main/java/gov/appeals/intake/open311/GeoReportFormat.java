package gov.appeals.intake.open311;

import java.io.StringWriter;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The two renderings GeoReport v2 asks for. A document is a list of rows under a root element; a row maps field
 * names to a String, a nested row list, or null (an empty element in XML, null in JSON). Written by hand so that
 * the element names and the ordering are exactly the spec's, whatever a general-purpose mapper would choose.
 */
public enum GeoReportFormat {

    JSON("application/json; charset=utf-8"),
    XML("text/xml; charset=utf-8");

    /** The district's zone: clients read local office time, with its offset, to the second. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private static final DateTimeFormatter W3C = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private final String contentType;

    GeoReportFormat(String contentType) {
        this.contentType = contentType;
    }

    public String contentType() {
        return contentType;
    }

    /** The format named by a path's extension ({@code json} or {@code xml}); empty for anything else. */
    public static Optional<GeoReportFormat> of(String extension) {
        return switch (extension == null ? "" : extension.toLowerCase(Locale.ROOT)) {
            case "json" -> Optional.of(JSON);
            case "xml" -> Optional.of(XML);
            default -> Optional.empty();
        };
    }

    public static String datetime(Instant instant) {
        return instant == null ? null
                : OffsetDateTime.ofInstant(instant.truncatedTo(ChronoUnit.SECONDS), ZONE).format(W3C);
    }

    /**
     * @param root    the XML root ({@code services}, {@code service_requests}, {@code errors}); JSON has none
     * @param element each row's XML element ({@code service}, {@code request}, {@code error})
     */
    public String list(String root, String element, List<Map<String, Object>> rows) {
        return this == JSON ? json(rows) : xml(root, w -> {
            for (Map<String, Object> row : rows) {
                element(w, element, row);
            }
        });
    }

    /** A single object: JSON gives it bare, XML under {@code root} (the service definition). */
    public String single(String root, Map<String, Object> row) {
        return this == JSON ? json(row) : xml(null, w -> element(w, root, row));
    }

    /** One error per description, all with the answer's status as their code. */
    public String errors(int code, List<String> descriptions) {
        return list("errors", "error", descriptions.stream().map(description -> {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("code", String.valueOf(code));
            error.put("description", description);
            return error;
        }).toList());
    }

    private static String json(Object value) {
        StringBuilder out = new StringBuilder();
        writeJson(out, value);
        return out.toString();
    }

    @SuppressWarnings("unchecked")
    private static void writeJson(StringBuilder out, Object value) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof Map<?, ?> map) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                out.append(first ? "" : ",");
                first = false;
                quote(out, String.valueOf(e.getKey()));
                out.append(':');
                writeJson(out, e.getValue());
            }
            out.append('}');
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                out.append(i == 0 ? "" : ",");
                writeJson(out, list.get(i));
            }
            out.append(']');
        } else if (value instanceof Boolean || value instanceof Number) {
            out.append(value);
        } else {
            quote(out, value.toString());
        }
    }

    private static void quote(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private interface Body {
        void write(XMLStreamWriter w) throws XMLStreamException;
    }

    private static String xml(String root, Body body) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            w.writeStartDocument("UTF-8", "1.0");
            if (root != null) {
                w.writeStartElement(root);
            }
            body.write(w);
            if (root != null) {
                w.writeEndElement();
            }
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Writing GeoReport XML into memory failed", e);
        }
        return out.toString();
    }

    /** A nested list becomes one child element per entry, named after the list's own singular element. */
    private static void element(XMLStreamWriter w, String name, Object value) throws XMLStreamException {
        w.writeStartElement(name);
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                String child = String.valueOf(e.getKey());
                if (e.getValue() instanceof List<?> list) {
                    w.writeStartElement(child);
                    for (Object item : list) {
                        element(w, singular(child), item);
                    }
                    w.writeEndElement();
                } else {
                    element(w, child, e.getValue());
                }
            }
        } else if (value != null) {
            w.writeCharacters(value.toString());
        }
        w.writeEndElement();
    }

    private static String singular(String plural) {
        return switch (plural) {
            case "attributes" -> "attribute";
            case "values" -> "value";
            default -> plural.endsWith("s") ? plural.substring(0, plural.length() - 1) : plural;
        };
    }
}
