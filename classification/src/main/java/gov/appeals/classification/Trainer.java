package gov.appeals.classification;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;

/**
 * Fits a {@link CategoryModel} by stochastic gradient descent on the softmax cross-entropy with an L2 penalty. Fixed
 * seed and input order: the same examples and settings give the same weights, so a model's version identifies it.
 */
final class Trainer {

    private static final long SEED = 20261130L;
    /** A weight this small changes no decision; leaving it out keeps the model file small. */
    private static final double NEGLIGIBLE = 5e-4;

    private Trainer() {
    }

    static CategoryModel train(List<LabelledAppeal> examples, Settings settings, String version) {
        List<String> categories = new ArrayList<>(new TreeSet<>(examples.stream().map(LabelledAppeal::category).toList()));
        Map<String, Integer> categoryIndex = new HashMap<>();
        categories.forEach(c -> categoryIndex.put(c, categoryIndex.size()));

        List<Map<String, Double>> vectors = examples.stream()
                .map(e -> Features.of(SegmentedText.of(e.title(), e.content()), settings)).toList();
        Map<String, Integer> documents = new HashMap<>();
        vectors.forEach(v -> v.keySet().forEach(f -> documents.merge(f, 1, Integer::sum)));
        Map<String, Integer> vocabulary = new LinkedHashMap<>();
        vectors.forEach(v -> v.keySet().forEach(f -> {
            if (documents.get(f) >= settings.minDocs()) {
                vocabulary.putIfAbsent(f, vocabulary.size());
            }
        }));

        int n = examples.size();
        int k = categories.size();
        int[][] index = new int[n][];
        double[][] value = new double[n][];
        int[] label = new int[n];
        for (int i = 0; i < n; i++) {
            List<Map.Entry<String, Double>> kept = vectors.get(i).entrySet().stream()
                    .filter(e -> vocabulary.containsKey(e.getKey())).toList();
            index[i] = kept.stream().mapToInt(e -> vocabulary.get(e.getKey())).toArray();
            value[i] = kept.stream().mapToDouble(Map.Entry::getValue).toArray();
            label[i] = categoryIndex.get(examples.get(i).category());
        }

        double[][] w = new double[vocabulary.size()][k];
        double[] b = new double[k];
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Random random = new Random(SEED);
        double[] scores = new double[k];
        for (int epoch = 0; epoch < settings.epochs(); epoch++) {
            shuffle(order, random);
            double rate = settings.rate() / (1 + 0.25 * epoch);
            for (int i : order) {
                System.arraycopy(b, 0, scores, 0, k);
                for (int j = 0; j < index[i].length; j++) {
                    double[] wf = w[index[i][j]];
                    for (int c = 0; c < k; c++) {
                        scores[c] += value[i][j] * wf[c];
                    }
                }
                double[] p = CategoryModel.softmax(scores);
                for (int c = 0; c < k; c++) {
                    double gradient = p[c] - (label[i] == c ? 1 : 0);
                    b[c] -= rate * gradient;
                    for (int j = 0; j < index[i].length; j++) {
                        double[] wf = w[index[i][j]];
                        wf[c] -= rate * (gradient * value[i][j] + settings.l2() * wf[c]);
                    }
                }
            }
        }

        Map<String, float[]> weights = new HashMap<>();
        vocabulary.forEach((feature, f) -> {
            float[] row = new float[k];
            boolean matters = false;
            for (int c = 0; c < k; c++) {
                row[c] = (float) w[f][c];
                matters |= Math.abs(w[f][c]) >= NEGLIGIBLE;
            }
            if (matters) {
                weights.put(feature, row);
            }
        });
        return new CategoryModel(version, settings, categories, b, weights);
    }

    private static void shuffle(int[] order, Random random) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
    }
}
