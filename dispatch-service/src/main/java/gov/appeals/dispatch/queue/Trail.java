package gov.appeals.dispatch.queue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import gov.appeals.events.ReturnReason;

/**
 * What departments did with an appeal besides signing it: returns (退单), transfers (转办), co-handlers' input
 * (协办意见) and the triage unit's consultations (征询). Kept with the assignment so that a return can exclude every
 * department that returned it before, and so that the lead sees all input before answering.
 *
 * @param firstLead the lead the routing rules first chose, null when the appeal went to triage first
 * @param reopened  whether the enterprise's dissatisfaction ever reopened it
 */
public record Trail(List<Returned> returns, List<Transfer> transfers, List<Input> inputs,
                    List<Consultation> consultations, String firstLead, boolean reopened) {

    public static final Trail EMPTY = new Trail(List.of(), List.of(), List.of(), List.of(), null, false);

    public Trail {
        returns = returns == null ? List.of() : List.copyOf(returns);
        transfers = transfers == null ? List.of() : List.copyOf(transfers);
        inputs = inputs == null ? List.of() : List.copyOf(inputs);
        consultations = consultations == null ? List.of() : List.copyOf(consultations);
    }

    /** A return (退单): who, why, when. */
    public record Returned(String department, ReturnReason reason, String text, String by, Instant at) {
    }

    /** A signed appeal handed from one department to another (转办). */
    public record Transfer(String from, String to, String reason, String by, Instant at) {
    }

    /** A co-handler's input (协办意见); attachments are references, never content. */
    public record Input(String inputId, String department, String text, List<String> attachments, String by,
                        Instant at) {
        public Input {
            attachments = attachments == null ? List.of() : List.copyOf(attachments);
        }
    }

    /** The triage unit's question to departments, and their answers as they come. */
    public record Consultation(String consultationId, List<String> departments, String question, String by,
                               Instant at, List<Answer> answers) {
        public Consultation {
            departments = List.copyOf(departments);
            answers = answers == null ? List.of() : List.copyOf(answers);
        }

        public boolean answeredBy(String department) {
            return answers.stream().anyMatch(answer -> answer.department().equals(department));
        }

        Consultation answered(Answer answer) {
            List<Answer> more = new ArrayList<>(answers);
            more.add(answer);
            return new Consultation(consultationId, departments, question, by, at, more);
        }
    }

    /** A consulted department's answer: is the appeal its own? */
    public record Answer(String department, boolean ours, String text, String by, Instant at) {
    }

    public boolean returnedBy(String department) {
        return returns.stream().anyMatch(r -> r.department().equals(department));
    }

    Trail withReturn(Returned returned) {
        List<Returned> more = new ArrayList<>(returns);
        more.add(returned);
        return new Trail(more, transfers, inputs, consultations, firstLead, reopened);
    }

    Trail withTransfer(Transfer transfer) {
        List<Transfer> more = new ArrayList<>(transfers);
        more.add(transfer);
        return new Trail(returns, more, inputs, consultations, firstLead, reopened);
    }

    Trail withInput(Input input) {
        List<Input> more = new ArrayList<>(inputs);
        more.add(input);
        return new Trail(returns, transfers, more, consultations, firstLead, reopened);
    }

    Trail withConsultation(Consultation consultation) {
        List<Consultation> more = new ArrayList<>(consultations);
        more.removeIf(held -> held.consultationId().equals(consultation.consultationId()));
        more.add(consultation);
        return new Trail(returns, transfers, inputs, more, firstLead, reopened);
    }

    Trail withReopened() {
        return new Trail(returns, transfers, inputs, consultations, firstLead, true);
    }
}
