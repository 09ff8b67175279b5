package gov.appeals.classification;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SegmenterTest {

    private final Segmenter segmenter = Segmenter.instance();

    @Test
    void keepsAGovernmentServiceTermOfTheLexiconAsOneWord() {
        assertThat(segmenter.words("申报专精特新企业，能不能在一网通办上办理？"))
                .contains("专精特新", "一网通办", "申报", "企业");
    }

    @Test
    void dropsPunctuationNumbersAndFunctionWords() {
        assertThat(segmenter.words("我司的500万元贷款，在11月到期了！"))
                .contains("贷款", "到期")
                .doesNotContain("，", "！", "500", "的", "了", "在");
    }

    @Test
    void foldsFullWidthFormsAndLatinCase() {
        assertThat(segmenter.words("ＡＥＯ认证")).contains("aeo");
    }

    @Test
    void findsNoWordsInNothing() {
        assertThat(segmenter.words(null)).isEmpty();
        assertThat(segmenter.words("  ，。  ")).isEmpty();
    }
}
