package gov.appeals.notification.notice;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void retriesWaitLongerEachTimeUpToTheCapEachUpToAFifthShorterAtRandom() {
        Backoff backoff = new Backoff(Duration.ofSeconds(30), Duration.ofMinutes(30));
        assertThat(backoff.after(1)).isBetween(Duration.ofSeconds(24), Duration.ofSeconds(30));
        assertThat(backoff.after(2)).isBetween(Duration.ofSeconds(48), Duration.ofSeconds(60));
        assertThat(backoff.after(10)).isBetween(Duration.ofMinutes(24), Duration.ofMinutes(30));
        assertThat(backoff.after(1000)).isBetween(Duration.ofMinutes(24), Duration.ofMinutes(30));
    }
}
