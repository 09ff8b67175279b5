package gov.appeals.feedback.metrics;

import java.util.Arrays;
import java.util.Optional;

/** What the closure figures are grouped by; {@link #param()} is how a request names it. */
public enum Dimension {
    DEPARTMENT("department", "UNASSIGNED"),
    STREET("street", "UNKNOWN"),
    CATEGORY("category", "UNCLASSIFIED");

    private final String param;
    private final String none;

    Dimension(String param, String none) {
        this.param = param;
        this.none = none;
    }

    public String param() {
        return param;
    }

    /** The key of an appeal that has no value here yet (no lead nor triage unit, no street, no category). */
    public String none() {
        return none;
    }

    public static Optional<Dimension> ofParam(String value) {
        return Arrays.stream(values()).filter(d -> d.param.equals(value)).findFirst();
    }
}
