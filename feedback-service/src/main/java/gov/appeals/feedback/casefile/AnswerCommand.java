package gov.appeals.feedback.casefile;

import java.util.List;
import java.util.Objects;

import gov.appeals.events.AnswerResult;

/**
 * What a staff member of the lead department answers; {@code staff} is optional.
 *
 * @param inputsUsed the co-handlers' inputs (by id) the answer draws on, possibly empty
 */
public record AnswerCommand(AnswerResult result, String text, String staff, List<String> inputsUsed) {
    public AnswerCommand {
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(text, "text");
        inputsUsed = inputsUsed == null ? List.of() : List.copyOf(inputsUsed);
    }

    public AnswerCommand(AnswerResult result, String text, String staff) {
        this(result, text, staff, List.of());
    }
}
