package gov.appeals.feedback.metrics;

import java.util.Arrays;
import java.util.Optional;

/** A count of the closure metrics, each appeal in it or not; {@link #param()} is its name in the API. */
public enum Figure {
    VOLUME("volume"),
    ASSIGNED("assigned"),
    SIGNED_ON_TIME("signedOnTime"),
    RATED("rated"),
    RESOLVED("resolved"),
    SATISFIED("satisfied"),
    ANSWERED("answered"),
    ANSWERED_ON_TIME("answeredOnTime"),
    RETURNS("returns"),
    REOPENS("reopens"),
    UNRATED("unrated"),
    BACKLOG("backlog"),
    OVERDUE_NOW("overdueNow");

    private final String param;

    Figure(String param) {
        this.param = param;
    }

    public String param() {
        return param;
    }

    public static Optional<Figure> ofParam(String value) {
        return Arrays.stream(values()).filter(f -> f.param.equals(value)).findFirst();
    }
}
