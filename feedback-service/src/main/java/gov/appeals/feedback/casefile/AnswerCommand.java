package gov.appeals.feedback.casefile;

import java.util.Objects;

import gov.appeals.events.AnswerResult;

/** What a staff member of the lead department answers; {@code staff} is optional. */
public record AnswerCommand(AnswerResult result, String text, String staff) {
    public AnswerCommand {
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(text, "text");
    }
}
