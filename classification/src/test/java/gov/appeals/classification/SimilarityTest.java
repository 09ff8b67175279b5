package gov.appeals.classification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;

class SimilarityTest {

    @Test
    void theSameProblemWrittenAgainIsAlmostIdenticalAndAnotherIsNot() {
        List<String> first = Similarity.words("流动资金贷款续贷困难", "原有500万元流动资金贷款下月到期，银行要求追加抵押物才能续贷。");
        List<String> again = Similarity.words("续贷还是办不下来", "500万元流动资金贷款下月就到期了，银行还是要求追加抵押物才能续贷！");
        List<String> other = Similarity.words("厂区门口路灯坏了", "马陆镇园区门口的路灯坏了一个月，晚上下班很不安全。");

        assertThat(Similarity.cosine(first, first)).isCloseTo(1.0, within(1e-9));
        assertThat(Similarity.cosine(first, again)).isGreaterThan(0.7);
        assertThat(Similarity.cosine(first, other)).isLessThan(0.2);
    }

    @Test
    void nothingIsLikeAnEmptyText() {
        assertThat(Similarity.cosine(List.of(), List.of("贷款"))).isZero();
    }
}
