package gov.appeals.feedback.answer;

import gov.appeals.events.AnswerResult;
import gov.appeals.feedback.casefile.AnswerCommand;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The body of {@code POST /api/v1/appeals/{id}/answer}.
 *
 * @param staff the answering staff member's name; the lead department is named instead when absent
 */
public record AnswerRequest(
        @NotNull AnswerResult result,
        @NotNull @Size(min = 1, max = 4000) @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank") String text,
        @Size(min = 1, max = 100) String staff) {

    AnswerCommand toCommand() {
        return new AnswerCommand(result, text, staff);
    }
}
