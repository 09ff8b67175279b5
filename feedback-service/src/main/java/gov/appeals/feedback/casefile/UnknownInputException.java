package gov.appeals.feedback.casefile;

import java.util.List;

import gov.appeals.kit.web.FieldProblem;
import gov.appeals.kit.web.InvalidRequestException;

/**
 * The answer cites an input no co-handler posted on this appeal (a typo, another appeal's input, or one posted a
 * moment ago that has not reached this service yet): 400 naming each, nothing answered.
 */
public class UnknownInputException extends InvalidRequestException {

    public UnknownInputException(String appealId, List<String> unknown) {
        super(unknown.stream().map(id -> new FieldProblem("inputsUsed",
                "names " + id + ", which is not an input a co-handler posted on appeal " + appealId + " (yet)"))
                .toList());
    }
}
