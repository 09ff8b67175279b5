package gov.appeals.dispatch.queue;

/** One rejected request field, named by its path (e.g. {@code coHandlers[1]}). */
public record FieldProblem(String field, String message) {
}
