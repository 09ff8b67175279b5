package gov.appeals.classification;

import java.util.ArrayList;
import java.util.List;

/**
 * An appeal's title and content together with their words, segmented once: segmentation is most of what classifying
 * and the repeat check cost, and both read the same words, so an accepted appeal is segmented here once and the
 * category model's {@link Features} and the {@link Similarity} words are taken from this.
 */
public final class SegmentedText {

    private final String title;
    private final String content;
    private final List<String> titleWords;
    private final List<String> contentWords;

    private SegmentedText(String title, String content, List<String> titleWords, List<String> contentWords) {
        this.title = title;
        this.content = content;
        this.titleWords = List.copyOf(titleWords);
        this.contentWords = List.copyOf(contentWords);
    }

    /** Segments title and content apart: a title's words weigh more in the model than the content's. */
    public static SegmentedText of(String title, String content) {
        Segmenter segmenter = Segmenter.instance();
        return new SegmentedText(title, content, segmenter.words(title), segmenter.words(content));
    }

    public String title() {
        return title;
    }

    public String content() {
        return content;
    }

    /** The title's words, then the content's: what {@link Similarity#cosine} compares and an appeal keeps. */
    public List<String> words() {
        List<String> words = new ArrayList<>(titleWords);
        words.addAll(contentWords);
        return words;
    }

    List<String> titleWords() {
        return titleWords;
    }

    List<String> contentWords() {
        return contentWords;
    }
}
