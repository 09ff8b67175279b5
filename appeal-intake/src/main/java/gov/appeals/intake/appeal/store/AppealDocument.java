package gov.appeals.intake.appeal.store;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import gov.appeals.events.AppealStatus;
import gov.appeals.events.Classification;
import gov.appeals.events.Deadlines;
import gov.appeals.events.Enterprise;
import gov.appeals.events.Source;
import gov.appeals.events.Urgency;
import gov.appeals.intake.appeal.Stage;
import gov.appeals.kit.outbox.OutboxEntry;

/**
 * One appeal as intake keeps it: what was submitted, its stages (the timeline) and the status view folded from
 * them, and the events still to publish ({@code outbox}), all in one document so that a state change and its event
 * are written in one atomic single-document update. {@code revision} counts the writes, guarding each against a
 * concurrent one.
 *
 * @param classification how intake decided the category at acceptance (null on appeals accepted before it was kept)
 * @param repeatOf       the earlier appeal this one repeats (重复件), null when none
 * @param words          the segmented words of title and content, which a later appeal of the same enterprise is
 *                       compared with (kept so that a comparison costs no segmentation)
 */
@Document(AppealDocument.COLLECTION)
public record AppealDocument(@Id String id, String number, Source source, String externalId, AppealStatus status,
                             int version, String category, Urgency urgency, String street, String title,
                             String content, Enterprise enterprise, String leadDepartment, List<String> coHandlers,
                             Deadlines deadlines, Stage.Answer answer, Stage.RatingGiven rating,
                             List<Stage> timeline, List<OutboxEntry> outbox, Instant acceptedAt,
                             Classification classification, String repeatOf, List<String> words,
                             long revision) {

    public static final String COLLECTION = "appeals";

    public AppealDocument {
        coHandlers = coHandlers == null ? List.of() : coHandlers;
        timeline = timeline == null ? List.of() : timeline;
        outbox = outbox == null ? List.of() : outbox;
    }

    public boolean recorded(String eventId) {
        return timeline.stream().anyMatch(stage -> eventId.equals(stage.eventId()));
    }
}
