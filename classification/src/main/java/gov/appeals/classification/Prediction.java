package gov.appeals.classification;

import java.util.List;

/**
 * What the model thinks of an appeal's text.
 *
 * @param model      the version of the model that scored it
 * @param candidates every category with its probability, most likely first (probabilities sum to 1)
 * @param words      the words that weighed most for the most likely category, strongest first
 */
public record Prediction(String model, List<Candidate> candidates, List<String> words) {

    public Prediction {
        candidates = List.copyOf(candidates);
        words = List.copyOf(words);
    }

    public record Candidate(String category, double probability) {
    }

    public Candidate best() {
        return candidates.get(0);
    }
}
