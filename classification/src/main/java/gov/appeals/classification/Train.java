package gov.appeals.classification;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Trains the category model from the labelled appeals of a directory and writes it where the jar picks it up; the
 * module's build runs it ({@code process-classes}). Its version is {@code lr-} and the first 12 hex digits of a SHA-256
 * over the training files, the lexicon and the settings.
 *
 * <pre>java gov.appeals.classification.Train classification/training target/classes/gov/appeals/classification/category-model.tsv</pre>
 */
public final class Train {

    private Train() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: Train <training directory> <model file>");
            System.exit(2);
        }
        Path dir = Path.of(args[0]);
        Path out = Path.of(args[1]);
        long started = System.nanoTime();
        List<LabelledAppeal> examples = LabelledAppeal.readDirectory(dir);
        if (examples.isEmpty()) {
            throw new IllegalStateException("no labelled appeals in " + dir.toAbsolutePath());
        }
        Settings settings = Settings.DEFAULT;
        CategoryModel model = Trainer.train(examples, settings, version(dir, settings));
        model.write(out);
        Map<String, Long> perCategory = examples.stream()
                .collect(Collectors.groupingBy(LabelledAppeal::category, TreeMap::new, Collectors.counting()));
        System.out.printf("category model %s: %d appeals in %d categories %s, %.1f s -> %s%n", model.version(),
                examples.size(), perCategory.size(), perCategory, (System.nanoTime() - started) / 1e9, out);
    }

    static String version(Path dir, Settings settings) throws IOException {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Path file : LabelledAppeal.files(dir)) {
                digest.update(file.getFileName().toString().getBytes(StandardCharsets.UTF_8));
                digest.update(Files.readAllBytes(file));
            }
            try (InputStream lexicon = Segmenter.class.getResourceAsStream("lexicon.txt")) {
                digest.update(lexicon.readAllBytes());
            }
            digest.update(settings.describe().getBytes(StandardCharsets.UTF_8));
            return "lr-" + HexFormat.of().formatHex(digest.digest()).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
