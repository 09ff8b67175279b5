package gov.appeals.events;

import java.util.List;

/**
 * How intake arrived at an appeal's category, so that a person can check it: who decided, with what confidence, on
 * which words, and which categories came close. An appeal whose best candidate fell below the confidence threshold
 * carries no category (it goes to triage) but keeps its candidates here.
 *
 * @param decidedBy  {@code SUBMITTER} when the source gave the category, {@code MODEL} when the classifier chose it,
 *                   {@code TRIAGE} when the classifier was not confident enough to choose
 * @param model      the classifier model version that scored the text (also when the submitter decided)
 * @param confidence the model's probability for its best candidate, 0..1
 * @param words      the segmented words that weighed most for the best candidate, strongest first
 * @param candidates the best candidates, most likely first
 */
public record Classification(String decidedBy, String model, double confidence, List<String> words,
                             List<Candidate> candidates) {

    public static final String SUBMITTER = "SUBMITTER";
    public static final String MODEL = "MODEL";
    public static final String TRIAGE = "TRIAGE";

    public Classification {
        words = words == null ? List.of() : List.copyOf(words);
        candidates = candidates == null ? List.of() : List.copyOf(candidates);
    }

    /** A category the model considered, with its probability. */
    public record Candidate(String category, double confidence) {
    }
}
