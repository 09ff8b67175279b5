package gov.appeals.kit.web;

/** One reason a request was refused, named by its JSON path ({@code enterprise.creditCode}, {@code items[2]}). */
public record FieldProblem(String field, String message) {
}
