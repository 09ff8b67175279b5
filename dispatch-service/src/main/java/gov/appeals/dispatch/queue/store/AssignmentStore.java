package gov.appeals.dispatch.queue.store;

import java.time.Instant;
import java.util.Collection;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import gov.appeals.dispatch.kafka.StoredEvent;
import gov.appeals.dispatch.queue.Assignment;
import gov.appeals.events.AppealStatus;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * The assignments collection. Every change is one guarded single-document write (compare-and-set on the version),
 * which is atomic on real MongoDB and mongo-java-server alike, so a state change and its outbox entry can never be
 * separated.
 */
@Component
public class AssignmentStore {

    private final ReactiveMongoTemplate mongo;

    public AssignmentStore(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Mono<AssignmentDocument> find(String appealId) {
        return mongo.findById(appealId, AssignmentDocument.class);
    }

    /** Fails with a duplicate-key error when the appeal was routed already (a concurrent redelivery). */
    public Mono<AssignmentDocument> insertRouted(Assignment assignment, StoredEvent routingEvent) {
        return mongo.insert(AssignmentDocument.routed(assignment, routingEvent));
    }

    /**
     * Writes {@code after} if the stored document is still at {@code before}'s version, recording {@code eventId}
     * as applied and, when given, queueing {@code outgoing} in the outbox.
     *
     * @return the new document, or empty when someone else changed it first
     */
    public Mono<AssignmentDocument> transition(Assignment before, Assignment after, String eventId,
                                               StoredEvent outgoing) {
        Query guard = Query.query(where("_id").is(before.appealId()).and("version").is(before.version()));
        Update update = new Update()
                .set("status", after.status())
                .set("lead", after.lead())
                .set("coHandlers", after.coHandlers())
                .set("deadlines", after.deadlines())
                .set("nextDeadline", after.nextDeadline())
                .set("version", after.version())
                .set("decidedBy", after.decidedBy())
                .set("reason", after.reason())
                .addToSet("appliedEventIds", eventId);
        if (outgoing != null) {
            update.push("outbox", outgoing);
        }
        return mongo.findAndModify(guard, update, FindAndModifyOptions.options().returnNew(true),
                AssignmentDocument.class);
    }

    /** Open work of one unit as lead, co-handler or triage unit, nearest deadline first. */
    public Flux<AssignmentDocument> queue(String unit, Collection<AppealStatus> statuses) {
        Criteria inQueue = new Criteria().orOperator(
                where("lead").is(unit),
                where("coHandlers").is(unit),
                where("triageUnit").is(unit).and("status").is(AppealStatus.TRIAGE));
        Query query = Query.query(new Criteria().andOperator(where("status").in(statuses), inQueue))
                .with(Sort.by(Sort.Order.asc("nextDeadline"), Sort.Order.asc("_id")));
        return mongo.find(query, AssignmentDocument.class);
    }

    public Mono<Void> removeFromOutbox(String appealId, String eventId) {
        Update pull = new Update().pull("outbox", Query.query(where("eventId").is(eventId)).getQueryObject());
        return mongo.updateFirst(Query.query(where("_id").is(appealId)), pull, AssignmentDocument.class).then();
    }

    /** Documents holding outbox entries created before {@code cutoff}: what the relay has not published yet. */
    public Flux<AssignmentDocument> withPendingOutbox(Instant cutoff) {
        return mongo.find(Query.query(where("outbox").elemMatch(where("createdAt").lt(cutoff))),
                AssignmentDocument.class);
    }
}
