package gov.appeals.feedback.casefile.web;

import java.time.Instant;
import java.util.List;

import gov.appeals.events.AnswerResult;
import gov.appeals.events.AppealStatus;
import gov.appeals.events.Deadlines;
import gov.appeals.events.Rating;
import gov.appeals.feedback.casefile.CaseFile;
import gov.appeals.feedback.casefile.Extension;
import gov.appeals.feedback.casefile.store.OrderBoard.OrderEntry;

/** The body of {@code GET /api/v1/appeals/{id}/case}. */
public record CaseView(String id, String number, AppealStatus status, String lead, List<String> coHandlers,
                       Deadlines deadlines, AnswerView answer, RatingView rating, int version,
                       SupervisionView supervision) {

    /**
     * @param firedAlarms every alarm fired, as {@code DUE_SOON|OVERDUE|RATING_WINDOW:<clock>:<deadline epoch ms>}
     * @param dissatisfied dissatisfied ratings so far; {@code flagged}: sent to triage for it
     */
    public record SupervisionView(List<OrderEntry> orders, List<Extension> extensions, List<String> firedAlarms,
                                  int dissatisfied, boolean flagged) {
    }

    public record AnswerView(AnswerResult result, String text, String actor, Instant answeredAt,
                             boolean withinDeadline, List<String> inputsUsed) {
    }

    public record RatingView(Rating rating, Boolean resolved, String comment, Instant ratedAt) {
    }

    static CaseView of(CaseFile file) {
        AnswerView answer = file.answer() == null ? null : new AnswerView(file.answer().result(), file.answer().text(),
                file.answer().actor(), file.answer().answeredAt(), file.answer().withinDeadline(),
                file.answer().inputsUsed());
        RatingView rating = file.rating() == null ? null : new RatingView(file.rating().rating(),
                file.rating().resolved(), file.rating().comment(), file.rating().ratedAt());
        return new CaseView(file.appealId(), file.appeal().number(), file.status(), file.lead(), file.coHandlers(),
                file.deadlines(), answer, rating, file.version(), new SupervisionView(file.supervision().orders()
                .stream().map(order -> OrderEntry.of(file, order)).toList(),
                file.supervision().extensions(), file.supervision().firedAlarms(), file.supervision().dissatisfied(),
                file.supervision().flagged()));
    }
}
