package gov.appeals.feedback.casefile.store;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import gov.appeals.events.AppealRef;
import gov.appeals.events.AppealStatus;
import gov.appeals.events.Deadlines;
import gov.appeals.feedback.casefile.Answer;
import gov.appeals.feedback.casefile.CaseFile;
import gov.appeals.feedback.casefile.ReceivedRating;
import gov.appeals.feedback.casefile.Supervision;
import gov.appeals.kit.outbox.OutboxEntry;

/**
 * One document per appeal in {@code cases}, keyed by the appeal id: the {@link CaseFile}, its pending events
 * ({@code outbox}), when its next alarm is due ({@code nextAlarmAt}, what the clock watch looks for) and a
 * {@code revision} every change increments, which guards each write against a concurrent one.
 */
@Document(CaseDocument.COLLECTION)
record CaseDocument(@Id String id, AppealRef appeal, String lead, List<String> coHandlers, AppealStatus status,
                    Deadlines deadlines, int version, int assignmentVersion, Answer answer, ReceivedRating rating,
                    List<String> appliedEventIds, DecidedOutcome outcome, Supervision supervision, Instant nextAlarmAt,
                    List<OutboxEntry> outbox, long revision, List<String> coHandlerInputs) {

    static final String COLLECTION = "cases";

    /** @param nextAlarmAt when the clock watch must look at the case next, null while no clock runs */
    static CaseDocument of(CaseFile file, Instant nextAlarmAt, List<OutboxEntry> outbox, long revision) {
        return new CaseDocument(file.appealId(), file.appeal(), file.lead(), file.coHandlers(), file.status(),
                file.deadlines(), file.version(), file.assignmentVersion(), file.answer(), file.rating(),
                file.appliedEventIds(), DecidedOutcome.of(file.outcome()), file.supervision(), nextAlarmAt, outbox,
                revision, file.coHandlerInputs());
    }

    CaseFile toCaseFile() {
        return new CaseFile(appeal, lead, coHandlers, status, deadlines, version, assignmentVersion, answer, rating,
                appliedEventIds, outcome == null ? null : outcome.toOutcome(), supervision, coHandlerInputs);
    }

    List<OutboxEntry> pending() {
        return outbox == null ? List.of() : outbox;
    }
}
