package gov.appeals.feedback.metrics.web;

import java.util.List;

/**
 * RFC 4180 text: a header line, then one line per row, CRLF line ends; a field with a comma, quote or line break is
 * quoted. An empty field is a value that does not exist (a rate with nothing to divide by). A field that a
 * spreadsheet would run as a formula (starting with = + - @) gets a leading apostrophe: keys and names come from
 * events and reference files, not from us.
 */
final class Csv {

    static final String MEDIA_TYPE = "text/csv";

    private Csv() {
    }

    static String of(List<String> header, List<List<Object>> rows) {
        StringBuilder csv = new StringBuilder();
        line(csv, List.copyOf(header));
        rows.forEach(row -> line(csv, row));
        return csv.toString();
    }

    private static void line(StringBuilder csv, List<?> values) {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                csv.append(',');
            }
            csv.append(field(values.get(i)));
        }
        csv.append("\r\n");
    }

    private static String field(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Number) {
            return value.toString();
        }
        String text = value.toString();
        if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }
}
