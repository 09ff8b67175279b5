package gov.appeals.dispatch.queue.store;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.mapping.Document;

import gov.appeals.dispatch.queue.Assignment;
import gov.appeals.dispatch.queue.Trail;
import gov.appeals.events.AppealRef;
import gov.appeals.events.AppealStatus;
import gov.appeals.events.Deadlines;
import gov.appeals.events.Urgency;
import gov.appeals.kit.outbox.OutboxEntry;

/**
 * One appeal's assignment, keyed by appeal id. The queue indexes serve a queue read on MongoDB when the in-memory
 * queues are not loaded yet (mongo-java-server uses none of them: see {@code OpenWork}). {@code revision} counts
 * every write, notes included (a co-handler's input does not change the appeal's version), and guards each one. Besides the state it holds the ids of every event applied (its own
 * and the ones it followed) and the outbox of events not yet published, which the kit's relay empties.
 */
@Document(collection = AssignmentDocument.COLLECTION)
@CompoundIndexes({
        @CompoundIndex(name = "lead_queue", def = "{'lead': 1, 'status': 1, 'nextDeadline': 1}"),
        @CompoundIndex(name = "co_handler_queue", def = "{'coHandlers': 1, 'status': 1, 'nextDeadline': 1}"),
        @CompoundIndex(name = "triage_queue", def = "{'triageUnit': 1, 'status': 1, 'nextDeadline': 1}"),
        @CompoundIndex(name = "pending_outbox", def = "{'outbox.createdAt': 1}", sparse = true),
        // Serves every compare-and-set write ({_id, revision}) on mongo-java-server: see the kit's GuardIndex.
        @CompoundIndex(name = "guard_revision", def = "{'_id': 1, 'revision': 1}", unique = true),
        @CompoundIndex(name = "accepted", def = "{'acceptedAt': 1}")
})
public record AssignmentDocument(@Id String id, AppealRef appeal, String title, String street, String enterpriseName,
                                 String enterprisePhone, String category, Urgency urgency, AppealStatus status,
                                 String lead, List<String> coHandlers, String triageUnit, Deadlines deadlines,
                                 Instant nextDeadline, int version, String decidedBy, String reason,
                                 Integer ruleVersion, String signedBy, String content, boolean keyEnterprise,
                                 Instant acceptedAt, String repeatOf, Trail trail, Long revision, List<String> appliedEventIds,
                                 List<OutboxEntry> outbox) {

    public static final String COLLECTION = "assignments";

    public AssignmentDocument {
        coHandlers = coHandlers == null ? List.of() : List.copyOf(coHandlers);
        appliedEventIds = appliedEventIds == null ? List.of() : List.copyOf(appliedEventIds);
        outbox = outbox == null ? List.of() : List.copyOf(outbox);
    }

    /** A newly routed appeal, its routing event already waiting in the outbox. */
    static AssignmentDocument routed(Assignment a, OutboxEntry routingEvent) {
        return new AssignmentDocument(a.appealId(), a.appeal(), a.title(), a.street(), a.enterpriseName(),
                a.enterprisePhone(), a.category(), a.urgency(), a.status(), a.lead(), a.coHandlers(), a.triageUnit(),
                a.deadlines(), a.nextDeadline(), a.version(), a.decidedBy(), a.reason(), a.ruleVersion(), a.signedBy(),
                a.content(), a.keyEnterprise(), a.acceptedAt(), a.repeatOf(), a.trail(), 0L, List.of(routingEvent.eventId()),
                List.of(routingEvent));
    }

    public Assignment assignment() {
        return new Assignment(appeal, title, street, enterpriseName, enterprisePhone, category, urgency, status, lead,
                coHandlers, triageUnit, deadlines, version, decidedBy, reason, ruleVersion, signedBy, content,
                keyEnterprise, acceptedAt, repeatOf, trail);
    }
}
