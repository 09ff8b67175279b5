package gov.appeals.feedback.casefile.web;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The body of {@code POST /api/v1/supervision/orders}: which appeal, and what the order asks. */
public record OrderRequest(
        @NotNull(message = "is required")
        @Pattern(regexp = Texts.NOT_BLANK, message = "is required")
        @Size(max = Texts.SHORT, message = "must be at most " + Texts.SHORT + " characters") String appealId,
        @NotNull(message = "is required")
        @Pattern(regexp = Texts.NOT_BLANK, message = "is required")
        @Size(max = Texts.LONG, message = "must be at most " + Texts.LONG + " characters") String comment) {
}
