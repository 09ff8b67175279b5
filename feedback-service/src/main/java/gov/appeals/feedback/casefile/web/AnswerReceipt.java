package gov.appeals.feedback.casefile.web;

import java.time.Instant;
import java.util.List;

import gov.appeals.events.AnswerResult;
import gov.appeals.events.AppealStatus;
import gov.appeals.feedback.casefile.Answer;

/** The response to an answer: the appeal, its new status and the answer as recorded, with the inputs it used. */
public record AnswerReceipt(String id, AppealStatus status, AnswerResult result, Instant answeredAt,
                            boolean withinDeadline, List<String> inputsUsed) {

    static AnswerReceipt of(String appealId, Answer answer) {
        return new AnswerReceipt(appealId, AppealStatus.RESPONDED, answer.result(), answer.answeredAt(),
                answer.withinDeadline(), answer.inputsUsed());
    }
}
