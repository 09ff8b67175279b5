package gov.appeals.intake.acceptance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import gov.appeals.classification.Similarity;

class RepeatRuleTest {

    private static final Instant NOW = Instant.parse("2026-11-30T02:00:00Z");
    private static final List<String> LOAN = Similarity.words("流动资金贷款续贷困难",
            "原有500万元流动资金贷款下月到期，银行表示需要追加抵押物才能续贷。");
    private static final List<String> LOAN_AGAIN = Similarity.words("续贷还是办不下来",
            "500万元流动资金贷款下月就到期了，银行还是要求追加抵押物才能续贷！");
    private static final List<String> STREET_LIGHT = Similarity.words("园区门口路灯坏了", "园区门口的路灯坏了一个多月。");
    private static final List<String> INVOICES = Similarity.words("增值税发票额度不够", "电子税务局申请提高发票额度一直没有批下来。");

    private final RepeatRule rule = new RepeatRule(Duration.ofDays(7), 0.7);

    private static RepeatRule.Earlier earlier(String id, Duration ago, List<String> words, String repeatOf) {
        return new RepeatRule.Earlier(id, NOW.minus(ago), words, repeatOf);
    }

    @Test
    void nearlyTheSameTextWithinTheWindowRepeatsTheMostSimilarEarlierAppeal() {
        var found = rule.find(LOAN_AGAIN, NOW, List.of(
                earlier("a", Duration.ofDays(1), STREET_LIGHT, null),
                earlier("b", Duration.ofDays(3), LOAN, null)));

        assertThat(found).hasValueSatisfying(r -> {
            assertThat(r.appealId()).isEqualTo("b");
            assertThat(r.similarity()).isGreaterThanOrEqualTo(0.7);
        });
    }

    @Test
    void aRepeatOfARepeatLinksToTheFirstAppeal() {
        var found = rule.find(LOAN, NOW, List.of(earlier("second", Duration.ofDays(1), LOAN_AGAIN, "first")));

        assertThat(found).hasValueSatisfying(r -> {
            assertThat(r.appealId()).isEqualTo("first");
            assertThat(r.matched()).isEqualTo("second");
        });
    }

    @Test
    void theWindowEndsSevenDaysBackToTheSecond() {
        assertThat(rule.find(LOAN, NOW, List.of(earlier("a", Duration.ofDays(7), LOAN, null)))).isPresent();
        assertThat(rule.find(LOAN, NOW, List.of(earlier("a", Duration.ofDays(7).plusSeconds(1), LOAN, null))))
                .isEmpty();
    }

    @Test
    void aDifferentProblemOfTheSameEnterpriseIsNoRepeat() {
        assertThat(rule.find(INVOICES, NOW, List.of(earlier("a", Duration.ofDays(1), LOAN, null)))).isEmpty();
    }

    @Test
    void aStricterSimilarityNeedsTheTextsCloser() {
        RepeatRule strict = new RepeatRule(Duration.ofDays(7), 0.99);
        assertThat(strict.find(LOAN_AGAIN, NOW, List.of(earlier("a", Duration.ofDays(1), LOAN, null)))).isEmpty();
    }

    @Test
    void refusesASimilarityThatIsNoFraction() {
        assertThatThrownBy(() -> new RepeatRule(Duration.ofDays(7), 1.5)).isInstanceOf(IllegalArgumentException.class);
    }
}
