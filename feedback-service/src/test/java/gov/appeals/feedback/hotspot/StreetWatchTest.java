package gov.appeals.feedback.hotspot;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class StreetWatchTest {

    private static final Duration WEEK = Duration.ofDays(7);
    private static final Instant T0 = Instant.parse("2026-03-02T02:00:00Z");

    private static StreetWatch.Sighting appeal(int n, int dayOffset) {
        return new StreetWatch.Sighting("a-" + n, "QS-" + n, T0.plus(Duration.ofDays(dayOffset)));
    }

    private static StreetWatch.Seen seeAll(StreetWatch watch, StreetWatch.Sighting... sightings) {
        StreetWatch.Seen seen = new StreetWatch.Seen(watch, false, null);
        for (StreetWatch.Sighting s : sightings) {
            seen = seen.watch().see(s, 5, WEEK, "h-" + s.appealId());
        }
        return seen;
    }

    @Test
    void theFifthAppealWithinSevenDaysFormsAHotspotOfAllFive() {
        StreetWatch.Seen four = seeAll(StreetWatch.start("FINANCING", "ST-ML"),
                appeal(1, 0), appeal(2, 1), appeal(3, 2), appeal(4, 3));
        assertThat(four.watch().current()).isNull();

        StreetWatch.Seen fifth = four.watch().see(appeal(5, 6), 5, WEEK, "h-5");

        assertThat(fifth.formed()).isNotNull();
        assertThat(fifth.formed().hotspotId()).isEqualTo("h-5");
        assertThat(fifth.formed().appeals()).extracting(StreetWatch.Sighting::appealId)
                .containsExactly("a-1", "a-2", "a-3", "a-4", "a-5");
        assertThat(fifth.formed().announced()).isFalse();
    }

    @Test
    void appealsSpreadWiderThanTheWindowFormNone() {
        StreetWatch.Seen seen = seeAll(StreetWatch.start("FINANCING", "ST-ML"),
                appeal(1, 0), appeal(2, 2), appeal(3, 4), appeal(4, 6), appeal(5, 8));
        assertThat(seen.watch().current()).isNull();
        assertThat(seen.watch().recent()).extracting(StreetWatch.Sighting::appealId)
                .containsExactly("a-2", "a-3", "a-4", "a-5");
    }

    @Test
    void anAppealSeenTwiceFormsNoSecondHotspotAndAnOpenOneGathersTheNextAppeals() {
        StreetWatch formed = seeAll(StreetWatch.start("FINANCING", "ST-ML"),
                appeal(1, 0), appeal(2, 1), appeal(3, 1), appeal(4, 2), appeal(5, 2)).watch();

        StreetWatch.Seen again = formed.see(appeal(5, 2), 5, WEEK, "other");
        assertThat(again.changed()).isFalse();

        StreetWatch.Seen sixth = formed.see(appeal(6, 5), 5, WEEK, "other");
        assertThat(sixth.formed()).isNull();
        assertThat(sixth.watch().current().hotspotId()).isEqualTo("h-a-5");
        assertThat(sixth.watch().current().appeals()).hasSize(6);
    }

    @Test
    void aHotspotIsOverOnceTheWindowPassesWithoutAnAppealAndTheNextClusterFormsANewOne() {
        StreetWatch formed = seeAll(StreetWatch.start("FINANCING", "ST-ML"),
                appeal(1, 0), appeal(2, 0), appeal(3, 0), appeal(4, 0), appeal(5, 0)).watch();
        assertThat(formed.current().isOpen(T0.plus(Duration.ofDays(6)), WEEK)).isTrue();
        assertThat(formed.current().isOpen(T0.plus(Duration.ofDays(7)), WEEK)).isFalse();

        StreetWatch.Seen next = seeAll(formed, appeal(11, 20), appeal(12, 20), appeal(13, 21), appeal(14, 21),
                appeal(15, 22));
        assertThat(next.formed()).isNotNull();
        assertThat(next.formed().hotspotId()).isEqualTo("h-a-15");
        assertThat(next.formed().appeals()).hasSize(5);
    }
}
