package gov.appeals.feedback.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;

import org.junit.jupiter.api.Test;

class CountsTest {

    @Test
    void percentilesAreTheNearestRankOfTheHistogram() {
        // 1, 2, 2, 3, 10, 10, 10, 40, 41, 100 hours
        Counts counts = Counts.of(Map.of(), Map.of(1, 1L, 2, 2L, 3, 1L, 10, 3L, 40, 1L, 41, 1L, 100, 1L));
        assertThat(counts.answerHoursPercentile(50)).isEqualTo(10);
        assertThat(counts.answerHoursPercentile(90)).isEqualTo(41);
        assertThat(Counts.of(Map.of(), Map.of(7, 1L)).answerHoursPercentile(90)).isEqualTo(7);
        assertThat(new Counts().answerHoursPercentile(50)).isNull();
    }

    @Test
    void aRateWithNothingToDivideByIsNull() {
        Counts counts = Counts.of(Map.of(Figure.ANSWERED, 3L, Figure.ANSWERED_ON_TIME, 2L), Map.of());
        assertThat(counts.rate(Figure.ANSWERED_ON_TIME, Figure.ANSWERED)).isEqualTo(2.0 / 3);
        assertThat(counts.rate(Figure.SATISFIED, Figure.RATED)).isNull();
    }

    @Test
    void addingThenSubtractingLeavesNothing() {
        Counts one = Counts.of(Map.of(Figure.VOLUME, 1L), Map.of(5, 1L));
        assertThat(new Counts().add(one).subtract(one).isZero()).isTrue();
    }

    @Test
    void aRangeReadsWholeMonthsFromMonthRowsAndTheRestFromDayRows() {
        Periods periods = Periods.covering(LocalDate.of(2026, 1, 30), LocalDate.of(2026, 3, 2));
        assertThat(periods.months()).containsExactly(YearMonth.of(2026, 2));
        assertThat(periods.days()).containsExactly(LocalDate.of(2026, 1, 30), LocalDate.of(2026, 1, 31),
                LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 2));
        assertThat(Periods.covering(LocalDate.of(2026, 4, 1), LocalDate.of(2026, 4, 30)).days()).isEmpty();
    }
}
