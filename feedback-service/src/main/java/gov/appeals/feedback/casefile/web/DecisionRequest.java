package gov.appeals.feedback.casefile.web;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The body of {@code POST /api/v1/appeals/{id}/extensions/{extensionId}/decision}; the comment is optional. */
public record DecisionRequest(
        @NotNull(message = "is required") Boolean approved,
        @Size(max = Texts.LONG, message = "must be at most " + Texts.LONG + " characters") String comment) {
}
