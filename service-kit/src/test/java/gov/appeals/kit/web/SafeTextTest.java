package gov.appeals.kit.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SafeTextTest {

    @Test
    void takesWhatAPersonWritesIncludingLineBreaksTabsAndSupplementaryCharacters() {
        assertThat(SafeText.problem("上海市嘉定区\n江桥镇\t金沙江西路 1号 𠮷 😀 «»")).isNull();
    }

    @Test
    void namesWhatItRefuses() {
        assertThat(SafeText.problem("a\u0000")).contains("control characters (U+0000)");
        assertThat(SafeText.problem("\u202Etxt.exe")).contains("bidirectional override characters (U+202E)");
        assertThat(SafeText.problem("\uD83D")).contains("lone surrogate");
        assertThat(SafeText.problem("\uDE00x")).contains("lone surrogate");
        assertThat(SafeText.problem("\uFFFE")).contains("noncharacters");
    }
}
