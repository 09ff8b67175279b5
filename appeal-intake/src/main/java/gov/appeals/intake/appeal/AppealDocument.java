package gov.appeals.intake.appeal;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import gov.appeals.events.AppealStatus;
import gov.appeals.events.Deadlines;
import gov.appeals.events.Enterprise;
import gov.appeals.events.Source;
import gov.appeals.events.Urgency;
import gov.appeals.intake.outbox.OutboxEntry;

/**
 * One appeal as intake keeps it: what was submitted, the status view built from the other services' events, and
 * the events still to publish ({@code outbox}), all in one document so that a state change and its event are
 * written in one atomic single-document update.
 */
@Document(AppealDocument.COLLECTION)
public record AppealDocument(@Id String id, String number, Source source, String externalId, AppealStatus status,
                             int version, String category, Urgency urgency, String street, String title,
                             String content, Enterprise enterprise, String leadDepartment, List<String> coHandlers,
                             Deadlines deadlines, StoredAnswer answer, StoredRating rating,
                             List<TimelineEntry> timeline, List<OutboxEntry> outbox, Instant acceptedAt) {

    public static final String COLLECTION = "appeals";

    public AppealDocument {
        coHandlers = coHandlers == null ? List.of() : coHandlers;
        timeline = timeline == null ? List.of() : timeline;
        outbox = outbox == null ? List.of() : outbox;
    }

    /** @param eventId the event this entry records, null for the entry that has none (RECEIVED) */
    public record TimelineEntry(String eventId, AppealStatus status, Instant at, String actor, String department,
                                String note) {
    }

    public record StoredAnswer(gov.appeals.events.AnswerResult result, String text, String department, Instant at) {
    }

    public record StoredRating(gov.appeals.events.Rating rating, Boolean resolved, String comment, Instant at) {
    }
}
