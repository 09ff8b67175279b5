package gov.appeals.classification;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * How well decisions matched a person's labels. A triaged appeal (no category decided) counts as a miss for its
 * expected category and as nobody's false positive.
 *
 * @param accuracy       share of all appeals given their expected category
 * @param macroF1        mean over the expected categories of F1 = 2·P·R / (P + R)
 * @param triageShare    share of appeals sent to triage
 * @param decidedAccuracy share of the appeals that were decided which got their expected category
 */
public record Scores(int appeals, double accuracy, double macroF1, double triageShare, double decidedAccuracy) {

    /** One appeal: the expected category and the decided one, null when it went to triage. */
    public record Outcome(String expected, String decided) {
    }

    public static Scores of(List<Outcome> outcomes) {
        Map<String, int[]> counts = new HashMap<>();
        int right = 0;
        int triaged = 0;
        for (Outcome o : outcomes) {
            counts.computeIfAbsent(o.expected(), c -> new int[3]);
            if (o.decided() == null) {
                triaged++;
                counts.get(o.expected())[2]++;
            } else if (Objects.equals(o.expected(), o.decided())) {
                right++;
                counts.get(o.expected())[0]++;
            } else {
                counts.get(o.expected())[2]++;
                counts.computeIfAbsent(o.decided(), c -> new int[3])[1]++;
            }
        }
        double f1Sum = 0;
        TreeSet<String> expected = new TreeSet<>(outcomes.stream().map(Outcome::expected).toList());
        for (String category : expected) {
            int[] c = counts.get(category);
            double tp = c[0];
            double f1 = tp == 0 ? 0 : 2 * tp / (2 * tp + c[1] + c[2]);
            f1Sum += f1;
        }
        int n = outcomes.size();
        int decided = n - triaged;
        return new Scores(n, n == 0 ? 0 : (double) right / n, expected.isEmpty() ? 0 : f1Sum / expected.size(),
                n == 0 ? 0 : (double) triaged / n, decided == 0 ? 0 : (double) right / decided);
    }
}
