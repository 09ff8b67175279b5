package gov.appeals.classification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;

class ScoresTest {

    @Test
    void countsATriagedAppealAsAMissButAsNobodysFalsePositive() {
        Scores s = Scores.of(List.of(
                new Scores.Outcome("TAX", "TAX"),
                new Scores.Outcome("TAX", "FINANCING"),
                new Scores.Outcome("FINANCING", "FINANCING"),
                new Scores.Outcome("FINANCING", null)));

        assertThat(s.appeals()).isEqualTo(4);
        assertThat(s.accuracy()).isEqualTo(0.5);
        assertThat(s.triageShare()).isEqualTo(0.25);
        assertThat(s.decidedAccuracy()).isCloseTo(2.0 / 3, within(1e-9));
        // TAX: tp 1, fp 0, fn 1 -> 2/3; FINANCING: tp 1, fp 1, fn 1 -> 1/2.
        assertThat(s.macroF1()).isCloseTo((2.0 / 3 + 0.5) / 2, within(1e-9));
    }
}
