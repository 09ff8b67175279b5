package gov.appeals.classification;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A multinomial logistic regression (softmax) over {@link Features}: one weight per feature and category plus a bias,
 * the probabilities a softmax of the sums. Chosen over naive Bayes because its probabilities are moderate enough to
 * act on: a confidence threshold sends the unclear appeals to triage.
 *
 * <p>Stored as UTF-8 text, one line per feature ({@code category-model.tsv}, written by {@link Train} in the build);
 * its version names the training data, lexicon and settings it came from.
 */
public final class CategoryModel {

    static final String RESOURCE = "category-model.tsv";
    private static final int EXPLAINING_WORDS = 5;

    private final String version;
    private final Settings settings;
    private final List<String> categories;
    private final double[] bias;
    private final Map<String, float[]> weights;

    CategoryModel(String version, Settings settings, List<String> categories, double[] bias,
                  Map<String, float[]> weights) {
        this.version = version;
        this.settings = settings;
        this.categories = List.copyOf(categories);
        this.bias = bias.clone();
        this.weights = weights;
    }

    /** The model this module's build trained, from the classpath. */
    public static CategoryModel bundled() {
        try (InputStream in = CategoryModel.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the classpath: it is trained by the build of "
                        + "appeal-classification (./mvnw install), see docs/classification.md");
            }
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String version() {
        return version;
    }

    public List<String> categories() {
        return categories;
    }

    public Prediction predict(String title, String content) {
        return predict(SegmentedText.of(title, content));
    }

    /** For a text already segmented: a caller that needs its words as well segments it once. */
    public Prediction predict(SegmentedText text) {
        Map<String, Double> x = Features.of(text, settings);
        double[] scores = bias.clone();
        for (Map.Entry<String, Double> feature : x.entrySet()) {
            float[] w = weights.get(feature.getKey());
            if (w != null) {
                for (int c = 0; c < scores.length; c++) {
                    scores[c] += feature.getValue() * w[c];
                }
            }
        }
        double[] p = softmax(scores);
        Integer[] order = new Integer[p.length];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -p[i]).thenComparing(i -> i));
        List<Prediction.Candidate> candidates = new ArrayList<>();
        for (int c : order) {
            candidates.add(new Prediction.Candidate(categories.get(c), p[c]));
        }
        return new Prediction(version, candidates, explain(x, order[0]));
    }

    /** The words whose weight for the category, times their presence in the text, pushed it up most. */
    private List<String> explain(Map<String, Double> x, int category) {
        record Push(String word, double weight) {
        }
        List<Push> pushes = new ArrayList<>();
        for (Map.Entry<String, Double> feature : x.entrySet()) {
            float[] w = weights.get(feature.getKey());
            if (w != null && feature.getKey().startsWith(Features.WORD) && w[category] > 0) {
                pushes.add(new Push(feature.getKey().substring(Features.WORD.length()),
                        feature.getValue() * w[category]));
            }
        }
        pushes.sort(Comparator.comparingDouble(Push::weight).reversed());
        Set<String> words = new LinkedHashSet<>();
        for (Push push : pushes) {
            if (words.size() == EXPLAINING_WORDS) {
                break;
            }
            words.add(push.word());
        }
        return List.copyOf(words);
    }

    static double[] softmax(double[] scores) {
        double max = Arrays.stream(scores).max().orElse(0);
        double[] p = new double[scores.length];
        double sum = 0;
        for (int i = 0; i < scores.length; i++) {
            p[i] = Math.exp(scores[i] - max);
            sum += p[i];
        }
        for (int i = 0; i < p.length; i++) {
            p[i] /= sum;
        }
        return p;
    }

    void write(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("# The appeal category model, trained by gov.appeals.classification.Train (docs/classification.md)\n");
            out.write("version\t" + version + "\n");
            out.write("settings\t" + settings.bigrams() + "\t" + settings.titleWeight() + "\t" + settings.minDocs()
                    + "\t" + settings.epochs() + "\t" + settings.rate() + "\t" + settings.l2() + "\n");
            out.write("categories\t" + String.join("\t", categories) + "\n");
            out.write("bias\t" + join(bias) + "\n");
            List<String> features = new ArrayList<>(weights.keySet());
            features.sort(null);
            for (String feature : features) {
                out.write(feature + "\t" + join(weights.get(feature)) + "\n");
            }
        }
    }

    static CategoryModel read(InputStream in) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String version = null;
        Settings settings = null;
        List<String> categories = null;
        double[] bias = null;
        Map<String, float[]> weights = new HashMap<>();
        for (String line; (line = reader.readLine()) != null; ) {
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            String[] cells = line.split("\t", -1);
            switch (cells[0]) {
                case "version" -> version = cells[1];
                case "settings" -> settings = new Settings(Boolean.parseBoolean(cells[1]),
                        Double.parseDouble(cells[2]), Integer.parseInt(cells[3]), Integer.parseInt(cells[4]),
                        Double.parseDouble(cells[5]), Double.parseDouble(cells[6]));
                case "categories" -> categories = List.of(cells).subList(1, cells.length);
                case "bias" -> bias = Arrays.stream(cells, 1, cells.length).mapToDouble(Double::parseDouble).toArray();
                default -> {
                    float[] w = new float[cells.length - 1];
                    for (int i = 1; i < cells.length; i++) {
                        w[i - 1] = Float.parseFloat(cells[i]);
                    }
                    weights.put(cells[0], w);
                }
            }
        }
        if (version == null || settings == null || categories == null || bias == null
                || bias.length != categories.size()) {
            throw new IllegalStateException("not a category model: version, settings, categories or bias missing");
        }
        return new CategoryModel(version, settings, categories, bias, weights);
    }

    private static String join(double[] values) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            line.append(i == 0 ? "" : "\t").append(String.format(Locale.ROOT, "%.4f", values[i]));
        }
        return line.toString();
    }

    private static String join(float[] values) {
        double[] wide = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            wide[i] = values[i];
        }
        return join(wide);
    }
}
