package gov.appeals.intake.acceptance;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import gov.appeals.events.Urgency;
import gov.appeals.reference.Category;
import gov.appeals.reference.ReferenceData;

/**
 * Classifies an appeal by keywords: a category the caller gave wins; otherwise the category whose keywords weigh
 * most (a keyword in the title counts double: titles are written to say what the appeal is about), ties going to
 * the earlier category in the reference file. No hit leaves the category open for triage.
 */
public final class Classifier {

    /** A consultation (咨询) is not an emergency, whatever its category's default urgency says. */
    private static final String INQUIRY = "咨询";

    private final List<Category> categories;
    private final List<String> urgentKeywords;

    public Classifier(ReferenceData reference, List<String> extraUrgentKeywords) {
        this.categories = reference.categories();
        this.urgentKeywords = Stream.concat(reference.urgentKeywords().stream(), extraUrgentKeywords.stream())
                .distinct().toList();
    }

    public record Classification(String category, Urgency urgency) {
    }

    public Classification classify(String title, String content, String givenCategory, Urgency givenUrgency) {
        Category category = givenCategory != null
                ? categories.stream().filter(c -> c.code().equals(givenCategory)).findFirst().orElse(null)
                : bestMatch(title, content);
        return new Classification(category == null ? null : category.code(),
                urgency(title, content, category, givenUrgency));
    }

    private Category bestMatch(String title, String content) {
        Category best = null;
        int bestScore = 0;
        for (Category category : categories) {
            int score = score(category, title, content);
            if (score > bestScore) {
                best = category;
                bestScore = score;
            }
        }
        return best;
    }

    private static int score(Category category, String title, String content) {
        Set<String> keywords = new LinkedHashSet<>(category.keywords());
        int score = 0;
        for (String keyword : keywords) {
            if (title.contains(keyword)) {
                score += keyword.length() * 2;
            }
            if (content.contains(keyword)) {
                score += keyword.length();
            }
        }
        return score;
    }

    private Urgency urgency(String title, String content, Category category, Urgency given) {
        if (given != null) {
            return given;
        }
        if (urgentKeywords.stream().anyMatch(k -> title.contains(k) || content.contains(k))) {
            return Urgency.URGENT;
        }
        boolean inquiry = title.contains(INQUIRY) || content.contains(INQUIRY);
        if (category != null && category.urgency() != null && !inquiry) {
            return category.urgency();
        }
        return Urgency.NORMAL;
    }
}
