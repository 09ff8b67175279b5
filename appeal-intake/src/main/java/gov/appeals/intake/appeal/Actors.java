package gov.appeals.intake.appeal;

import gov.appeals.events.Source;

/** Who acts for an appeal's enterprise, by the door it came through (the {@code actor} of events and timeline). */
public final class Actors {

    private Actors() {
    }

    public static String of(Source source) {
        return switch (source) {
            case HOTLINE_12345 -> "hotline";
            case ONLINE_PORTAL -> "portal";
            case SERVICE_COMMISSIONER -> "commissioner";
            case STREET_CENTRE -> "street-centre";
        };
    }
}
