package gov.appeals.intake.acceptance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class AppealNumbersTest {

    @Test
    void formatsTheDayAndASixDigitCounter() {
        assertThat(AppealNumbers.format(LocalDate.of(2026, 11, 22), 123)).isEqualTo("QS-20261122-000123");
    }

    @Test
    void countsByShanghaiDateNotUtcDate() {
        // 16:30 UTC on 21 November is 00:30 on 22 November in Shanghai.
        assertThat(AppealNumbers.counterDay(Instant.parse("2026-11-21T16:30:00Z"))).isEqualTo(LocalDate.of(2026, 11, 22));
        assertThat(AppealNumbers.counterDay(Instant.parse("2026-11-21T15:59:59Z"))).isEqualTo(LocalDate.of(2026, 11, 21));
    }

    @Test
    void rejectsACounterBelowOne() {
        assertThatThrownBy(() -> AppealNumbers.format(LocalDate.of(2026, 11, 22), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
