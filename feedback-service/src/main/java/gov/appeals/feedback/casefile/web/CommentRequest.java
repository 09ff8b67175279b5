package gov.appeals.feedback.casefile.web;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The body of {@code POST /api/v1/supervision/orders/{orderId}/close}: how the order was settled. */
public record CommentRequest(
        @NotNull(message = "is required")
        @Pattern(regexp = Texts.NOT_BLANK, message = "is required")
        @Size(max = Texts.LONG, message = "must be at most " + Texts.LONG + " characters") String comment) {
}
