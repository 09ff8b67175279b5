package gov.appeals.classification;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.dictionary.CustomDictionary;
import com.hankcs.hanlp.dictionary.stopword.CoreStopWordDictionary;
import com.hankcs.hanlp.seg.common.Term;

/**
 * Chinese word segmentation (HanLP's standard tokenizer over its portable core dictionary), keeping the words that
 * carry meaning: punctuation, numbers, measure words, particles, prepositions, conjunctions, pronouns and stop words
 * are dropped. The government-service terms of {@code lexicon.txt} (专精特新, 一网通办, 留抵退税 …) are added to HanLP's
 * dictionary first, so that they stay one word instead of falling apart into characters.
 *
 * <p>HanLP's dictionaries are process-wide; the lexicon is added once, before the first segmentation.
 */
public final class Segmenter {

    private static final String LEXICON = "lexicon.txt";

    /** Part-of-speech prefixes (HanLP's PKU-style tags) of words that say nothing about what an appeal is about. */
    private static final Set<Character> FUNCTION_TAGS = Set.of('w', 'm', 'q', 'u', 'p', 'c', 'y', 'e', 'o', 'r', 'x');

    private static final Pattern NOT_A_WORD_CHARACTER = Pattern.compile("[^\\p{L}\\p{N}]");

    private static final Segmenter INSTANCE = new Segmenter();

    private Segmenter() {
        for (String word : lexicon()) {
            CustomDictionary.insert(word, "nz 1024");
        }
    }

    /** The segmenter, with the lexicon loaded; the first call also loads HanLP's dictionaries (about a second). */
    public static Segmenter instance() {
        return INSTANCE;
    }

    /** The meaningful words of {@code text}, in order, with repeats; full-width forms and Latin case folded. */
    public List<String> words(String text) {
        List<String> words = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return words;
        }
        for (Term term : HanLP.segment(normalize(text))) {
            // NFKC turns a full-width ？ into ?, which HanLP then glues to the word before it.
            String word = NOT_A_WORD_CHARACTER.matcher(term.word).replaceAll("");
            if (keeps(word, term.nature == null ? "" : term.nature.toString())) {
                words.add(word);
            }
        }
        return words;
    }

    static String normalize(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    }

    private static boolean keeps(String word, String nature) {
        if (word.isEmpty() || !word.codePoints().anyMatch(Character::isLetter)) {
            return false;
        }
        if (!nature.isEmpty() && FUNCTION_TAGS.contains(nature.charAt(0)) && !nature.startsWith("nz")) {
            return false;
        }
        return !CoreStopWordDictionary.contains(word);
    }

    /** The lexicon's words: one per line, {@code #} starts a comment. */
    static List<String> lexicon() {
        try (InputStream in = Segmenter.class.getResourceAsStream(LEXICON)) {
            if (in == null) {
                throw new IllegalStateException(LEXICON + " is missing from the classpath");
            }
            return lines(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> lines(InputStream in) throws IOException {
        List<String> words = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line; (line = reader.readLine()) != null; ) {
                int comment = line.indexOf('#');
                String word = (comment >= 0 ? line.substring(0, comment) : line).strip();
                if (!word.isEmpty()) {
                    words.add(word);
                }
            }
        }
        return words;
    }
}
