package gov.appeals.kit.web;

/**
 * What free text may contain: any character a person can read or type, including line breaks and tabs; not control
 * characters (C0 other than tab/newline/carriage return, DEL, C1), not the bidirectional overrides and isolates that
 * make text display differently from what it is (U+202A–U+202E, U+2066–U+2069), not lone surrogates (broken
 * Unicode), not the noncharacters U+FFFE/U+FFFF.
 */
public final class SafeText {

    private SafeText() {
    }

    /** @return why {@code text} is refused, or null when it is fine */
    public static String problem(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return "is not well-formed Unicode (a lone surrogate)";
            }
            if (Character.isLowSurrogate(c)) {
                return "is not well-formed Unicode (a lone surrogate)";
            }
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7F && c <= 0x9F)) {
                return String.format("must not contain control characters (U+%04X)", (int) c);
            }
            if ((c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069)) {
                return String.format("must not contain bidirectional override characters (U+%04X)", (int) c);
            }
            if (c == 0xFFFE || c == 0xFFFF) {
                return String.format("must not contain noncharacters (U+%04X)", (int) c);
            }
        }
        return null;
    }
}
