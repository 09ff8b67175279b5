package gov.appeals.classification;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An appeal's text as the model reads it: its segmented words ({@code w:} features; a title's count
 * {@link Settings#titleWeight} times) and, where the settings say so, the character bigrams of its Chinese text
 * ({@code b:}), each weighted by log(1 + count) and the whole scaled to unit length, so that a long appeal does not
 * outvote a short one.
 */
final class Features {

    static final String WORD = "w:";
    static final String BIGRAM = "b:";

    private Features() {
    }

    static Map<String, Double> of(SegmentedText text, Settings settings) {
        Map<String, Double> counts = new LinkedHashMap<>();
        add(counts, text.titleWords(), settings.titleWeight());
        add(counts, text.contentWords(), 1.0);
        if (settings.bigrams()) {
            addBigrams(counts, text.title(), settings.titleWeight());
            addBigrams(counts, text.content(), 1.0);
        }
        double norm = 0;
        for (Map.Entry<String, Double> e : counts.entrySet()) {
            double v = Math.log1p(e.getValue());
            e.setValue(v);
            norm += v * v;
        }
        double length = Math.sqrt(norm);
        if (length > 0) {
            counts.replaceAll((k, v) -> v / length);
        }
        return counts;
    }

    private static void add(Map<String, Double> counts, List<String> words, double weight) {
        for (String word : words) {
            counts.merge(WORD + word, weight, Double::sum);
        }
    }

    private static void addBigrams(Map<String, Double> counts, String text, double weight) {
        if (text == null) {
            return;
        }
        String normal = Segmenter.normalize(text);
        int previous = -1;
        for (int i = 0; i < normal.length(); ) {
            int cp = normal.codePointAt(i);
            boolean han = Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN;
            if (han && previous >= 0) {
                counts.merge(BIGRAM + new String(Character.toChars(previous)) + new String(Character.toChars(cp)),
                        weight, Double::sum);
            }
            previous = han ? cp : -1;
            i += Character.charCount(cp);
        }
    }
}
