package gov.appeals.feedback.casefile;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import gov.appeals.events.AnswerResult;

/**
 * The lead department's answer (反馈) as the case keeps it.
 *
 * @param staff   the name the staff member gave, null when none (the event's actor then names the department)
 * @param eventId the AppealResponded that announced it
 * @param inputsUsed the co-handlers' inputs (by id) the answer draws on
 */
public record Answer(AnswerResult result, String text, String staff, String actor, Instant answeredAt,
                     boolean withinDeadline, String eventId, List<String> inputsUsed) {

    public Answer {
        inputsUsed = inputsUsed == null ? List.of() : List.copyOf(inputsUsed);
    }

    boolean sameAs(AnswerCommand command) {
        return result == command.result() && text.equals(command.text())
                && Objects.equals(staff, command.staff()) && inputsUsed.equals(command.inputsUsed());
    }
}
