package gov.appeals.intake.acceptance;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import gov.appeals.classification.Similarity;

/**
 * Repeats (重复件): an enterprise raising the same problem again within {@code window} (7 days by default) is accepted,
 * but linked to the earlier appeal, so that it goes to the same lead and the department sees it is a repeat. The same
 * enterprise is the same credit code; the same problem is a cosine similarity of the segmented words of title and
 * content of at least {@code threshold}. Of several earlier appeals it repeats, the most similar wins (the newest on a
 * tie), and a repeat of a repeat links to the first, so that every repeat of a problem points at one appeal.
 */
public final class RepeatRule {

    private final Duration window;
    private final double threshold;

    public RepeatRule(Duration window, double threshold) {
        if (window.isNegative() || threshold <= 0 || threshold > 1) {
            throw new IllegalArgumentException("a repeat window is not negative and a similarity is in (0, 1]: "
                    + window + ", " + threshold);
        }
        this.window = window;
        this.threshold = threshold;
    }

    /** An earlier appeal of the same enterprise, with the words of its title and content. */
    public record Earlier(String id, Instant acceptedAt, List<String> words, String repeatOf) {
    }

    /** @param appealId the appeal repeated (the first of its repeats); {@code similarity} to the one that matched */
    public record Repeat(String appealId, String matched, double similarity) {
    }

    /** How far back to look, from {@code now}. */
    public Instant since(Instant now) {
        return now.minus(window);
    }

    /** @param words the new appeal's segmented words ({@link Similarity#words}) */
    public Optional<Repeat> find(List<String> words, Instant now, List<Earlier> earlier) {
        Instant since = since(now);
        record Scored(Earlier appeal, double similarity) {
        }
        return earlier.stream()
                .filter(e -> e.acceptedAt() != null && !e.acceptedAt().isBefore(since) && !e.acceptedAt().isAfter(now))
                .filter(e -> e.words() != null)
                .map(e -> new Scored(e, Similarity.cosine(words, e.words())))
                .filter(s -> s.similarity() >= threshold)
                .max(Comparator.comparingDouble(Scored::similarity)
                        .thenComparing(s -> s.appeal().acceptedAt()))
                .map(s -> new Repeat(s.appeal().repeatOf() != null ? s.appeal().repeatOf() : s.appeal().id(),
                        s.appeal().id(), s.similarity()));
    }
}
