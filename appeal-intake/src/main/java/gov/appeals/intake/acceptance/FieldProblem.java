package gov.appeals.intake.acceptance;

/** One reason a request was refused, named by its JSON path (e.g. {@code enterprise.creditCode}). */
public record FieldProblem(String field, String message) {
}
