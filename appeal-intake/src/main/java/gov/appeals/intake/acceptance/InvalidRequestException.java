package gov.appeals.intake.acceptance;

import java.util.List;

/** A request that breaks input rules; answered 400 with every field named. */
public class InvalidRequestException extends RuntimeException {

    private final transient List<FieldProblem> problems;

    public InvalidRequestException(List<FieldProblem> problems) {
        super(problems.size() == 1 ? "1 field is invalid" : problems.size() + " fields are invalid");
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
