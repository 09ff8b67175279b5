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
 *
 * @param staff the answering staff member's name; the lead department is named instead when absent
 */
public record AnswerRequest(
        @NotNull(message = "is required") AnswerResult result,
        @NotNull(message = "is required")
        @Pattern(regexp = NOT_BLANK, message = "is required")
        @Size(max = LONG_TEXT, message = "must be at most " + LONG_TEXT + " characters") String text,
        @Pattern(regexp = NOT_BLANK, message = "must not be blank")
        @Size(max = SHORT_TEXT, message = "must be at most " + SHORT_TEXT + " characters") String staff) {

    /** The kit's {@code appeals.text.long-max} default: an answer. */
    static final int LONG_TEXT = 4000;
    /** The kit's {@code appeals.text.short-max} default: a name. */
    static final int SHORT_TEXT = 100;
    private static final String NOT_BLANK = "(?s).*\\S.*";

    AnswerCommand toCommand() {
        return new AnswerCommand(result, text, staff);
    }
}
