package gov.appeals.feedback.casefile.web;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The body of {@code POST /api/v1/appeals/{id}/extensions}.
 *
 * @param until the Shanghai date the answer should be due at the end of ({@code YYYY-MM-DD})
 */
public record ExtensionRequest(
        @NotNull(message = "is required") LocalDate until,
        @NotNull(message = "is required")
        @Pattern(regexp = Texts.NOT_BLANK, message = "is required")
        @Size(max = Texts.LONG, message = "must be at most " + Texts.LONG + " characters") String reason) {
}
