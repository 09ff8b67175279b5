package gov.appeals.intake.appeal;

import java.util.Comparator;
import java.util.List;

import gov.appeals.events.AppealStatus;
import gov.appeals.events.Deadlines;

/**
 * What the hotline reads about an appeal, folded from its stages in version order: the status of the newest stage,
 * and each field from the newest stage that sets it. However late or out of order events arrive (a replay from a
 * dead-letter topic, a redelivery), the view ends as if they had come in order.
 *
 * @param rating the rating of the current answer: a rating given before a newer answer does not count
 */
public record StatusView(AppealStatus status, int version, String lead, List<String> coHandlers, String category,
                         Deadlines deadlines, Stage.Answer answer, Stage.RatingGiven rating) {

    public static final Comparator<Stage> HISTORY_ORDER =
            Comparator.comparingInt(Stage::version).thenComparing(Stage::at);

    public static StatusView fold(List<Stage> stages) {
        List<Stage> ordered = stages.stream().sorted(HISTORY_ORDER).toList();
        Stage newest = ordered.get(ordered.size() - 1);
        String lead = null;
        List<String> coHandlers = List.of();
        String category = null;
        Deadlines deadlines = null;
        Stage.Answer answer = null;
        int answeredAt = -1;
        Stage.RatingGiven rating = null;
        for (Stage stage : ordered) {
            if (stage.lead() != null) {
                lead = stage.lead();
                coHandlers = stage.coHandlers();
            }
            if (stage.category() != null) {
                category = stage.category();
            }
            if (stage.deadlines() != null) {
                deadlines = stage.deadlines();
            }
            if (stage.answer() != null) {
                answer = stage.answer();
                answeredAt = stage.version();
                rating = null;
            }
            if (stage.rating() != null && stage.version() > answeredAt) {
                rating = stage.rating();
            }
        }
        return new StatusView(newest.status(), newest.version(), lead, coHandlers, category, deadlines, answer,
                rating);
    }
}
