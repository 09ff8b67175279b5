package gov.appeals.classification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CategoryModelTest {

    private static final List<LabelledAppeal> TINY = List.of(
            new LabelledAppeal("TAX", "发票开不出来", "增值税专用发票额度不够，开票受影响"),
            new LabelledAppeal("TAX", "退税慢", "出口退税和留抵退税迟迟没到账"),
            new LabelledAppeal("FINANCING", "贷款到期", "流动资金贷款到期银行不给续贷"),
            new LabelledAppeal("FINANCING", "融资难", "银行贷款要抵押，希望政府担保"));

    @Test
    void theShippedModelIsTheOneTheShippedTrainingSetGives() throws IOException {
        assertThat(CategoryModel.bundled().version())
                .isEqualTo(Train.version(Path.of("training"), Settings.DEFAULT));
        assertThat(CategoryModel.bundled().categories()).hasSize(17);
    }

    @Test
    void givesEveryCategoryAProbabilityMostLikelyFirstSummingToOne() {
        Prediction p = CategoryModel.bundled().predict("续贷困难", "银行要求追加抵押物才能续贷");

        assertThat(p.best().category()).isEqualTo("FINANCING");
        assertThat(p.candidates()).hasSize(17);
        assertThat(p.candidates().stream().mapToDouble(Prediction.Candidate::probability).sum())
                .isCloseTo(1.0, within(1e-9));
        assertThat(p.candidates()).isSortedAccordingTo((a, b) -> Double.compare(b.probability(), a.probability()));
        assertThat(p.words()).isNotEmpty().hasSizeLessThanOrEqualTo(5);
    }

    @Test
    void trainingTwiceOnTheSameAppealsGivesTheSameModelFile(@TempDir Path dir) throws IOException {
        Trainer.train(TINY, Settings.DEFAULT, "t").write(dir.resolve("a.tsv"));
        Trainer.train(TINY, Settings.DEFAULT, "t").write(dir.resolve("b.tsv"));

        assertThat(Files.readAllBytes(dir.resolve("a.tsv"))).isEqualTo(Files.readAllBytes(dir.resolve("b.tsv")));
    }

    @Test
    void aModelReadBackPredictsWhatItDidBeforeItWasWritten(@TempDir Path dir) throws IOException {
        CategoryModel trained = Trainer.train(TINY, Settings.DEFAULT, "t");
        trained.write(dir.resolve("m.tsv"));
        CategoryModel read;
        try (InputStream in = Files.newInputStream(dir.resolve("m.tsv"))) {
            read = CategoryModel.read(in);
        }

        Prediction before = trained.predict("开票", "专用发票额度");
        Prediction after = read.predict("开票", "专用发票额度");
        assertThat(after.best().category()).isEqualTo(before.best().category()).isEqualTo("TAX");
        assertThat(after.best().probability()).isCloseTo(before.best().probability(), within(1e-3));
        assertThat(read.version()).isEqualTo("t");
    }
}
