package gov.appeals.feedback.casefile.web;

import gov.appeals.events.AnswerResult;
import gov.appeals.feedback.casefile.AnswerCommand;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The body of {@code POST /api/v1/appeals/{id}/answer}. The limits are the kit's text rules (TextRules: a long text
 * at most 4,000 characters, a short one at most 100) and its messages; a refused field is answered by the kit's
 * problem advice as {@code errors: [{field, message}]}.
 * Who answers is the logged-in clerk or head, from the access token.
 */
public record AnswerRequest(
        @NotNull(message = "is required") AnswerResult result,
        @NotNull(message = "is required")
        @Pattern(regexp = Texts.NOT_BLANK, message = "is required")
        @Size(max = Texts.LONG, message = "must be at most " + Texts.LONG + " characters") String text) {

    AnswerCommand toCommand(String staff) {
        return new AnswerCommand(result, text, staff);
    }
}
