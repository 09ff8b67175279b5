package gov.appeals.dispatch.queue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import gov.appeals.events.AppealStatus;
import gov.appeals.events.ConsultationAnswered;
import gov.appeals.events.ConsultationRequested;

/**
 * The triage unit asks departments "is this yours?" (征询) before it decides who leads, and each department answers
 * in the system rather than by phone, so that the decision rests on answers anyone can read later. Both are notes
 * on the TRIAGE stage; the triage decision ends the consultation.
 */
public final class Consultation {

    public record Question(List<String> departments, String question, String triager) {
        public Question {
            departments = List.copyOf(departments);
        }
    }

    public record Reply(String unit, boolean ours, String text, String staff) {
    }

    private Consultation() {
    }

    public static Transition ask(Assignment appeal, Question question, String consultationId, String eventId,
                                 Instant now) {
        if (appeal.status() != AppealStatus.TRIAGE) {
            throw new WrongStatusException(appeal.appealId(), appeal.status(), "consulted on: it is not in triage");
        }
        Trail trail = appeal.trail().withConsultation(new Trail.Consultation(consultationId,
                question.departments(), question.question(), question.triager(), now, List.of()));
        return new Transition(appeal, appeal.withTrail(trail), new ConsultationRequested(eventId, appeal.appeal(),
                appeal.version(), now, "triage:" + question.triager(), appeal.triageUnit(), appeal.status(),
                consultationId, question.departments(), question.question()));
    }

    /** The consultation a department has yet to answer on this appeal, the latest first. */
    public static Optional<Trail.Consultation> openFor(Assignment appeal, String unit) {
        if (appeal.status() != AppealStatus.TRIAGE) {
            return Optional.empty();
        }
        List<Trail.Consultation> asked = appeal.trail().consultations();
        for (int i = asked.size() - 1; i >= 0; i--) {
            Trail.Consultation consultation = asked.get(i);
            if (consultation.departments().contains(unit) && !consultation.answeredBy(unit)) {
                return Optional.of(consultation);
            }
        }
        return Optional.empty();
    }

    public static Transition answer(Assignment appeal, Reply reply, String eventId, Instant now) {
        boolean asked = appeal.trail().consultations().stream()
                .anyMatch(c -> c.departments().contains(reply.unit()));
        if (!asked) {
            throw new NotInQueueException(appeal.appealId(), reply.unit());
        }
        Trail.Consultation open = openFor(appeal, reply.unit()).orElseThrow(() -> new ActionRefusedException(appeal,
                appeal.status() == AppealStatus.TRIAGE
                        ? reply.unit() + " answered every question on appeal " + appeal.appealId() + " already."
                        : "The triage unit decided on appeal " + appeal.appealId() + " already."));
        Trail trail = appeal.trail().withConsultation(open.answered(new Trail.Answer(reply.unit(), reply.ours(),
                reply.text(), reply.staff(), now)));
        return new Transition(appeal, appeal.withTrail(trail), new ConsultationAnswered(eventId, appeal.appeal(),
                appeal.version(), now, "staff:" + reply.staff(), reply.unit(), appeal.status(),
                open.consultationId(), reply.ours(), reply.text()));
    }
}
