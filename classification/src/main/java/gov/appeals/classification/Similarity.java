package gov.appeals.classification;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** How alike two texts are, over their segmented words: the cosine of their word-count vectors, 0 (nothing shared) to 1. */
public final class Similarity {

    private Similarity() {
    }

    /** The meaningful words of an appeal's title and content, for {@link #cosine}; {@link SegmentedText#words()}. */
    public static List<String> words(String title, String content) {
        return SegmentedText.of(title, content).words();
    }

    public static double cosine(List<String> a, List<String> b) {
        Map<String, Integer> x = counts(a);
        Map<String, Integer> y = counts(b);
        if (x.isEmpty() || y.isEmpty()) {
            return 0;
        }
        double dot = 0;
        for (Map.Entry<String, Integer> e : x.entrySet()) {
            dot += e.getValue() * (double) y.getOrDefault(e.getKey(), 0);
        }
        return dot / (norm(x) * norm(y));
    }

    private static Map<String, Integer> counts(List<String> words) {
        Map<String, Integer> counts = new HashMap<>();
        words.forEach(w -> counts.merge(w, 1, Integer::sum));
        return counts;
    }

    private static double norm(Map<String, Integer> counts) {
        return Math.sqrt(counts.values().stream().mapToDouble(c -> (double) c * c).sum());
    }
}
