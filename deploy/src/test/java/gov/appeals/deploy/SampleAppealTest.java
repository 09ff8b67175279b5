package gov.appeals.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SampleAppealTest {

    @Test
    void servesEveryBundledSampleWithoutItsExpectedBlock() {
        assertThat(SampleAppeal.all()).hasSizeGreaterThan(10).allSatisfy(appeal -> {
            assertThat(appeal.has("expected")).isFalse();
            assertThat(appeal.has("externalId")).isTrue();
            assertThat(appeal.path("enterprise").has("creditCode")).isTrue();
        });
    }

    @Test
    void printsAHotlineSampleAsOneLineWithoutSingleQuotes() {
        String body = SampleAppeal.firstHotlineBody();

        assertThat(body).contains("\"source\":\"HOTLINE_12345\"").doesNotContain("expected", "\n", "'");
    }
}
