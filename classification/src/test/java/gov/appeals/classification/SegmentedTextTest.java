package gov.appeals.classification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class SegmentedTextTest {

    private final Segmenter segmenter = Segmenter.instance();

    /** Appeals stored before the text was segmented once keep their words, and a new appeal is compared with them. */
    @Test
    void givesTheWordsAppealsWereStoredWithTheTitlesThenTheContents() throws IOException {
        assertThat(LabelledAppeal.readDirectory(Path.of("training"))).allSatisfy(appeal -> {
            List<String> segmentedApart = new ArrayList<>(segmenter.words(appeal.title()));
            segmentedApart.addAll(segmenter.words(appeal.content()));

            assertThat(SegmentedText.of(appeal.title(), appeal.content()).words()).isEqualTo(segmentedApart);
        });
    }

    @Test
    void readsNoWordsInAMissingTitle() {
        SegmentedText text = SegmentedText.of(null, "银行要求追加抵押物");

        assertThat(text.words()).isEqualTo(segmenter.words("银行要求追加抵押物"));
        assertThat(Features.of(text, Settings.DEFAULT)).isNotEmpty();
    }
}
