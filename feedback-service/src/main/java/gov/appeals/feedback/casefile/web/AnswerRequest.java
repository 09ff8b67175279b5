package gov.appeals.feedback.casefile.web;

import java.util.List;

import gov.appeals.events.AnswerResult;
import gov.appeals.feedback.casefile.AnswerCommand;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The body of {@code POST /api/v1/appeals/{id}/answer}. The limits are the kit's text rules (TextRules: a long text
 * at most 4,000 characters, a short one at most 100) and its messages; a refused field is answered by the kit's
 * problem advice as {@code errors: [{field, message}]}.
 * Who answers is the logged-in clerk or head, from the access token. {@code inputsUsed}, optional, names the
 * co-handlers' inputs (协办意见, by the id dispatch gave them) the answer draws on.
 */
public record AnswerRequest(
        @NotNull(message = "is required") AnswerResult result,
        @NotNull(message = "is required")
        @Pattern(regexp = Texts.NOT_BLANK, message = "is required")
        @Size(max = Texts.LONG, message = "must be at most " + Texts.LONG + " characters") String text,
        @Size(max = 50, message = "must name at most 50 inputs")
        List<@NotNull(message = "must not be null") @Size(max = Texts.SHORT, message = "is not an input id")
                String> inputsUsed) {

    AnswerCommand toCommand(String staff) {
        return new AnswerCommand(result, text, staff, inputsUsed == null ? List.of()
                : inputsUsed.stream().distinct().toList());
    }
}
