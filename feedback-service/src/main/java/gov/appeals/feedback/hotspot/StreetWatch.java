package gov.appeals.feedback.hotspot;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The recent appeals of one category in one street, and the hotspot (热点) they form: {@code threshold} appeals
 * within {@code window} form one; while it is open (an appeal of its kind came within the window) every new one
 * joins it; once the window passes without one, it is over and the next cluster forms a new hotspot.
 *
 * @param recent  the appeals within the window of the newest one, oldest first
 * @param current the latest hotspot, open or over, null before any formed
 */
public record StreetWatch(String category, String street, List<Sighting> recent, Hotspot current) {

    /** One appeal as a hotspot needs it: no enterprise, no person. */
    public record Sighting(String appealId, String number, Instant at) {
    }

    /** @param announced whether the HotspotFormed event is stored: forming and announcing are two writes */
    public record Hotspot(String hotspotId, Instant formedAt, List<Sighting> appeals, boolean announced) {

        public Hotspot {
            appeals = List.copyOf(appeals);
        }

        public Instant lastAt() {
            return appeals.get(appeals.size() - 1).at();
        }

        public boolean isOpen(Instant now, Duration window) {
            return lastAt().plus(window).isAfter(now);
        }

        public Hotspot markedAnnounced() {
            return new Hotspot(hotspotId, formedAt, appeals, true);
        }
    }

    /** @param formed the hotspot this appeal completed, null when it formed none */
    public record Seen(StreetWatch watch, boolean changed, Hotspot formed) {
    }

    public StreetWatch {
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(street, "street");
        recent = List.copyOf(recent);
    }

    public static StreetWatch start(String category, String street) {
        return new StreetWatch(category, street, List.of(), null);
    }

    /**
     * Takes an appeal into account. Seeing it again changes nothing, so a redelivered acceptance never forms a
     * second hotspot.
     *
     * @param hotspotId the id a hotspot formed now gets
     */
    public Seen see(Sighting sighting, int threshold, Duration window, String hotspotId) {
        boolean known = recent.stream().anyMatch(s -> s.appealId().equals(sighting.appealId()))
                || current != null && current.appeals().stream().anyMatch(s -> s.appealId().equals(sighting.appealId()));
        if (known) {
            return new Seen(this, false, null);
        }
        List<Sighting> inWindow = new ArrayList<>(recent);
        inWindow.add(sighting);
        inWindow.sort(Comparator.comparing(Sighting::at));
        Instant newest = inWindow.get(inWindow.size() - 1).at();
        inWindow.removeIf(s -> !s.at().plus(window).isAfter(newest));
        if (current != null && current.isOpen(sighting.at(), window)) {
            List<Sighting> members = new ArrayList<>(current.appeals());
            members.add(sighting);
            members.sort(Comparator.comparing(Sighting::at));
            Hotspot grown = new Hotspot(current.hotspotId(), current.formedAt(), members, current.announced());
            return new Seen(new StreetWatch(category, street, inWindow, grown), true, null);
        }
        if (inWindow.size() >= threshold) {
            Hotspot formed = new Hotspot(hotspotId, sighting.at(), inWindow, false);
            return new Seen(new StreetWatch(category, street, inWindow, formed), true, formed);
        }
        return new Seen(new StreetWatch(category, street, inWindow, current), true, null);
    }

    public StreetWatch announced() {
        return new StreetWatch(category, street, recent, current == null ? null : current.markedAnnounced());
    }
}
