package gov.appeals.intake.acceptance;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import gov.appeals.classification.CategoryModel;
import gov.appeals.classification.Prediction;
import gov.appeals.classification.SegmentedText;
import gov.appeals.events.Classification;
import gov.appeals.events.Urgency;
import gov.appeals.reference.Category;
import gov.appeals.reference.ReferenceData;

/**
 * Classifies an appeal (docs/classification.md): a category the source gave wins; otherwise the category model
 * (segmented words, trained on labelled appeals) decides when its best candidate reaches {@code minConfidence}, and
 * below that the appeal gets no category, so that triage decides with the candidates in front of it instead of a
 * likely-wrong department getting it. Either way the result says who decided, how confident the model was, on which
 * words, and what came close. Urgency stays with the reference data's urgent words.
 */
public final class Classifier {

    /** A consultation (咨询) is not an emergency, whatever its category's default urgency says. */
    private static final String INQUIRY = "咨询";
    private static final int CANDIDATES = 3;

    private final List<Category> categories;
    private final List<String> urgentKeywords;
    private final CategoryModel model;
    private final double minConfidence;

    /**
     * @throws IllegalArgumentException when the model knows a category the reference data does not (a model trained
     *                                  for other categories would route to codes nobody handles)
     */
    public Classifier(ReferenceData reference, List<String> extraUrgentKeywords, CategoryModel model,
                      double minConfidence) {
        this.categories = reference.categories();
        this.urgentKeywords = Stream.concat(reference.urgentKeywords().stream(), extraUrgentKeywords.stream())
                .distinct().toList();
        this.model = model;
        if (minConfidence < 0 || minConfidence > 1) {
            throw new IllegalArgumentException("the minimum confidence is a probability, 0..1: " + minConfidence);
        }
        this.minConfidence = minConfidence;
        Set<String> known = categories.stream().map(Category::code).collect(Collectors.toSet());
        List<String> unknown = model.categories().stream().filter(c -> !known.contains(c)).toList();
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("category model " + model.version() + " knows categories the reference "
                    + "data does not: " + unknown);
        }
    }

    /**
     * @param category null when the model was not confident enough (triage decides)
     * @param how      who decided, the model's confidence, deciding words and candidates
     */
    public record Result(String category, Urgency urgency, Classification how) {
    }

    public Result classify(String title, String content, String givenCategory, Urgency givenUrgency) {
        return classify(SegmentedText.of(title, content), givenCategory, givenUrgency);
    }

    /** For a text already segmented: acceptance needs its words for the repeat check as well. */
    public Result classify(SegmentedText text, String givenCategory, Urgency givenUrgency) {
        String title = text.title();
        String content = text.content();
        Prediction prediction = model.predict(text);
        Prediction.Candidate best = prediction.best();
        Category given = givenCategory == null ? null
                : categories.stream().filter(c -> c.code().equals(givenCategory)).findFirst().orElse(null);
        String decidedBy;
        Category category;
        if (given != null) {
            decidedBy = Classification.SUBMITTER;
            category = given;
        } else if (best.probability() >= minConfidence) {
            decidedBy = Classification.MODEL;
            category = categories.stream().filter(c -> c.code().equals(best.category())).findFirst().orElseThrow();
        } else {
            decidedBy = Classification.TRIAGE;
            category = null;
        }
        List<Classification.Candidate> candidates = prediction.candidates().stream().limit(CANDIDATES)
                .map(c -> new Classification.Candidate(c.category(), round(c.probability()))).toList();
        Classification how = new Classification(decidedBy, prediction.model(), round(best.probability()),
                prediction.words(), candidates);
        return new Result(category == null ? null : category.code(), urgency(title, content, category, givenUrgency),
                how);
    }

    public String modelVersion() {
        return model.version();
    }

    /** Three decimals: enough to read and compare, and the same in the event, the view and the timeline. */
    private static double round(double probability) {
        return Math.round(probability * 1000) / 1000.0;
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
