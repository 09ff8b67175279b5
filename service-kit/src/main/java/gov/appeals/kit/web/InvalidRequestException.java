package gov.appeals.kit.web;

import java.util.List;

/** A request that breaks input rules: answered 400 with every broken rule in {@code errors: [{field, message}]}. */
public class InvalidRequestException extends RuntimeException {

    private final transient List<FieldProblem> problems;

    public InvalidRequestException(List<FieldProblem> problems) {
        super(problems.size() == 1 ? "1 field is invalid" : problems.size() + " fields are invalid");
        this.problems = List.copyOf(problems);
    }

    public InvalidRequestException(String field, String message) {
        this(List.of(new FieldProblem(field, message)));
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
