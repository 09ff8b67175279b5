package gov.appeals.classification;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Prints how the model scores (bench/classification.sh runs it; it asserts nothing):
 *
 * <pre>
 * Evaluate samples &lt;file.jsonl&gt; [threshold …]   the bundled model on appeals it was not trained on
 * Evaluate cross-validate &lt;training dir&gt; [folds]  k-fold on the training set, for the default and a words-only model
 * </pre>
 *
 * For each confidence threshold: accuracy, macro-F1 and the share sent to triage (a triaged appeal counts as a miss).
 */
public final class Evaluate {

    private Evaluate() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: Evaluate samples <file.jsonl> [threshold ...] | cross-validate <dir> [folds]");
            System.exit(2);
        }
        if (args[0].equals("cross-validate")) {
            crossValidate(Path.of(args[1]), args.length > 2 ? Integer.parseInt(args[2]) : 5);
            return;
        }
        List<Double> thresholds = new ArrayList<>();
        for (int i = 2; i < args.length; i++) {
            thresholds.add(Double.parseDouble(args[i]));
        }
        if (thresholds.isEmpty()) {
            thresholds = List.of(0.0, 0.2, 0.3, 0.35, 0.4, 0.5, 0.6);
        }
        CategoryModel model = CategoryModel.bundled();
        List<LabelledAppeal> samples = LabelledAppeal.readFile(Path.of(args[1]));
        List<Prediction> predictions = samples.stream().map(s -> model.predict(s.title(), s.content())).toList();
        System.out.printf("model %s on %d labelled appeals of %s%n", model.version(), samples.size(), args[1]);
        header();
        for (double threshold : thresholds) {
            row(threshold, outcomes(samples, predictions, threshold));
        }
        System.out.println("misses (expected -> best candidate, confidence, words):");
        for (int i = 0; i < samples.size(); i++) {
            Prediction.Candidate best = predictions.get(i).best();
            if (!best.category().equals(samples.get(i).category())) {
                System.out.printf(Locale.ROOT, "  %-16s -> %-16s %.2f %s  %s%n", samples.get(i).category(),
                        best.category(), best.probability(), predictions.get(i).words(), samples.get(i).title());
            }
        }
    }

    private static List<Scores.Outcome> outcomes(List<LabelledAppeal> appeals, List<Prediction> predictions,
                                                 double threshold) {
        List<Scores.Outcome> outcomes = new ArrayList<>();
        for (int i = 0; i < appeals.size(); i++) {
            Prediction.Candidate best = predictions.get(i).best();
            outcomes.add(new Scores.Outcome(appeals.get(i).category(),
                    best.probability() >= threshold ? best.category() : null));
        }
        return outcomes;
    }

    private static void crossValidate(Path dir, int folds) throws IOException {
        List<LabelledAppeal> all = new ArrayList<>(LabelledAppeal.readDirectory(dir));
        java.util.Collections.shuffle(all, new Random(7));
        Settings wordsOnly = new Settings(false, Settings.DEFAULT.titleWeight(), Settings.DEFAULT.minDocs(),
                Settings.DEFAULT.epochs(), Settings.DEFAULT.rate(), Settings.DEFAULT.l2());
        for (Settings settings : List.of(Settings.DEFAULT, wordsOnly)) {
            List<LabelledAppeal> tested = new ArrayList<>();
            List<Prediction> predictions = new ArrayList<>();
            for (int fold = 0; fold < folds; fold++) {
                List<LabelledAppeal> train = new ArrayList<>();
                List<LabelledAppeal> test = new ArrayList<>();
                for (int i = 0; i < all.size(); i++) {
                    (i % folds == fold ? test : train).add(all.get(i));
                }
                CategoryModel model = Trainer.train(train, settings, "cv");
                tested.addAll(test);
                test.forEach(t -> predictions.add(model.predict(t.title(), t.content())));
            }
            System.out.printf("%d-fold cross-validation on %d training appeals, %s%n", folds, all.size(),
                    settings.describe());
            header();
            for (double threshold : List.of(0.0, 0.2, 0.3, 0.35, 0.4, 0.5, 0.6)) {
                row(threshold, outcomes(tested, predictions, threshold));
            }
        }
    }

    private static void header() {
        System.out.println("threshold\tappeals\taccuracy\tmacro-F1\ttriage share\taccuracy of decided");
    }

    private static void row(double threshold, List<Scores.Outcome> outcomes) {
        Scores s = Scores.of(outcomes);
        System.out.printf(Locale.ROOT, "%.2f\t%d\t%.1f %%\t%.3f\t%.1f %%\t%.1f %%%n", threshold, s.appeals(),
                100 * s.accuracy(), s.macroF1(), 100 * s.triageShare(), 100 * s.decidedAccuracy());
    }
}
