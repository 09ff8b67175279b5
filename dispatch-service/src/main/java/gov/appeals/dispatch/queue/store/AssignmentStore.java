package gov.appeals.dispatch.queue.store;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import gov.appeals.dispatch.queue.Assignment;
import gov.appeals.dispatch.queue.QueueFilter;
import gov.appeals.dispatch.queue.QueueRole;
import gov.appeals.dispatch.queue.Transition;
import gov.appeals.events.AppealEvent;
import gov.appeals.events.AppealStatus;
import gov.appeals.events.EventEnvelope;
import gov.appeals.kit.outbox.OutboxEntry;
import gov.appeals.kit.outbox.OutboxStore;
import gov.appeals.kit.web.Paging;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * The assignments collection. Every change is one guarded single-document write (compare-and-set on the version),
 * which is atomic on real MongoDB and mongo-java-server alike, so a state change and the event announcing it (in the
 * document's outbox) can never be separated. The kit's outbox relay reads and empties the outboxes through the
 * {@link OutboxStore} methods.
 */
@Component
public class AssignmentStore implements OutboxStore {

    /** The CloudEvents source of everything dispatch publishes. */
    public static final String SOURCE = "/appeals/dispatch-service";

    /** Concurrent writers to one appeal (a staff action racing an event) are rare: a few rereads settle it. */
    private static final int CONCURRENT_RETRIES = 3;

    /**
     * A decided change of one assignment.
     *
     * @param appliedEventId the event id recorded as applied (the incoming event, or the one announcing the change)
     * @param outgoing       the events to queue in the outbox for publishing, in order; empty when the change
     *                       announces nothing
     */
    public record Change(Assignment after, String appliedEventId, List<OutboxEntry> outgoing) {

        public Change {
            outgoing = List.copyOf(outgoing);
        }

        /** A change made here (a staff action), announced by its transition's own events. */
        public static Change announcing(Transition transition, Instant now) {
            List<OutboxEntry> events = transition.events().stream().map(event -> outboxEntry(event, now)).toList();
            return new Change(transition.after(), events.get(events.size() - 1).eventId(), events);
        }

        /** A change another service announced: nothing to publish, only the incoming event to remember. */
        public static Change following(Assignment after, String incomingEventId) {
            return new Change(after, incomingEventId, List.of());
        }
    }

    private final ReactiveMongoTemplate mongo;

    public AssignmentStore(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    static OutboxEntry outboxEntry(AppealEvent event, Instant now) {
        EventEnvelope envelope = EventEnvelope.of(event, SOURCE);
        return OutboxEntry.of(envelope.key(), envelope.topic(), envelope.headers(), envelope.payload(), now);
    }

    public Mono<AssignmentDocument> find(String appealId) {
        return mongo.findById(appealId, AssignmentDocument.class);
    }

    /**
     * Stores a newly routed appeal together with its routing event in the outbox, in one insert. Fails with a
     * duplicate-key error when the appeal was routed already (a concurrent redelivery of its acceptance).
     */
    public Mono<AssignmentDocument> insertRouted(Transition routing, Instant now) {
        return mongo.insert(AssignmentDocument.routed(routing.after(), outboxEntry(routing.event(), now)));
    }

    /**
     * Reads an appeal's assignment, lets {@code decide} work out the change from it, and writes that change guarded
     * by the revision it was decided on. When another writer got there first, it reads and decides again.
     *
     * @return the written document; the stored one unchanged when {@code decide} has no change; empty when no such
     * appeal. Errors {@code decide} raises (a refused action) pass through.
     */
    public Mono<AssignmentDocument> change(String appealId, Function<AssignmentDocument, Optional<Change>> decide) {
        return Mono.defer(() -> find(appealId))
                .flatMap(document -> decide.apply(document)
                        .map(change -> transition(document, change)
                                .switchIfEmpty(Mono.error(ConcurrentChange::new)))
                        .orElseGet(() -> Mono.just(document)))
                .retryWhen(Retry.max(CONCURRENT_RETRIES).filter(ConcurrentChange.class::isInstance));
    }

    /** @return the new document, or empty when someone else changed it since {@code before} was read */
    private Mono<AssignmentDocument> transition(AssignmentDocument before, Change change) {
        Assignment after = change.after();
        long revision = before.revision() == null ? 0 : before.revision();
        Query guard = Query.query(where("_id").is(before.id()).and("revision").is(before.revision()));
        Update update = new Update()
                .set("revision", revision + 1)
                .set("status", after.status())
                .set("lead", after.lead())
                .set("coHandlers", after.coHandlers())
                .set("triageUnit", after.triageUnit())
                .set("deadlines", after.deadlines())
                .set("nextDeadline", after.nextDeadline())
                .set("version", after.version())
                .set("decidedBy", after.decidedBy())
                .set("reason", after.reason())
                .set("ruleVersion", after.ruleVersion())
                .set("signedBy", after.signedBy())
                .set("trail", after.trail())
                .addToSet("appliedEventIds", change.appliedEventId());
        if (!change.outgoing().isEmpty()) {
            update.push("outbox").each(change.outgoing().toArray());
        }
        return mongo.findAndModify(guard, update, FindAndModifyOptions.options().returnNew(true),
                AssignmentDocument.class);
    }

    /** Appeals in triage on which {@code unit} was consulted (answered or not: the caller tells). */
    public Flux<AssignmentDocument> consultationsWaitingFor(String unit) {
        Query query = Query.query(where("status").is(AppealStatus.TRIAGE).and("trail.consultations.departments")
                .is(unit));
        query.fields().exclude("outbox").exclude("appliedEventIds");
        return mongo.find(query, AssignmentDocument.class);
    }

    /**
     * One page of a unit's open work as lead, co-handler or triage unit, narrowed by {@code filter} as the in-memory
     * queues narrow it, nearest deadline first (then by appeal id, so that pages never overlap), and how many there
     * are in all. Every value is a typed one or a quoted pattern, so no filter can inject an operator.
     */
    public Mono<Paging.Page<AssignmentDocument>> queue(String unit, QueueFilter filter, Instant now,
                                                       Paging.Request page) {
        Criteria lead = where("lead").is(unit).and("status").ne(AppealStatus.TRIAGE);
        Criteria coHandler = where("coHandlers").is(unit).and("status").ne(AppealStatus.TRIAGE);
        Criteria triage = where("triageUnit").is(unit).and("status").is(AppealStatus.TRIAGE);
        Criteria inQueue = filter.role() == null ? new Criteria().orOperator(lead, coHandler, triage)
                : switch (filter.role()) {
                    case LEAD -> lead;
                    case CO_HANDLER -> coHandler;
                    case TRIAGE -> triage;
                };
        List<Criteria> all = new ArrayList<>();
        all.add(where("status").in(filter.statuses() == null ? Assignment.openStatuses() : filter.statuses()));
        all.add(inQueue);
        if (filter.role() == QueueRole.CO_HANDLER) {
            all.add(where("lead").ne(unit));
        }
        Optional.ofNullable(filter.urgency()).ifPresent(u -> all.add(where("urgency").is(u)));
        Optional.ofNullable(filter.category()).ifPresent(c -> all.add(where("category").is(c)));
        Optional.ofNullable(filter.street()).ifPresent(s -> all.add(where("street").is(s)));
        Optional.ofNullable(filter.source()).ifPresent(s -> all.add(where("appeal.source").is(s)));
        Optional.ofNullable(filter.signedBy()).ifPresent(s -> all.add(where("signedBy").is(s)));
        if (filter.due() == QueueFilter.Due.OVERDUE) {
            all.add(where("nextDeadline").lt(now));
        } else if (filter.due() == QueueFilter.Due.SOON) {
            all.add(where("nextDeadline").gte(now).lte(filter.deadlineUntil(now)));
        }
        if (filter.text() != null) {
            String quoted = Pattern.quote(filter.text());
            all.add(new Criteria().orOperator(where("title").regex(quoted, "i"),
                    where("appeal.number").regex(quoted, "i"), where("enterpriseName").regex(quoted, "i")));
        }
        Criteria criteria = new Criteria().andOperator(all.toArray(Criteria[]::new));
        Query items = Query.query(criteria)
                .with(Sort.by(Sort.Order.asc("nextDeadline"), Sort.Order.asc("_id")))
                .skip(page.skip())
                .limit(page.size());
        return Mono.zip(mongo.find(items, AssignmentDocument.class).collectList(),
                        mongo.count(Query.query(criteria), AssignmentDocument.class))
                .map(found -> new Paging.Page<>(found.getT1(), page.page(), page.size(), found.getT2()));
    }

    /** The given appeals' assignments, in no particular order: one read by id, whatever the collection's size. */
    public Flux<AssignmentDocument> findAll(Collection<String> appealIds) {
        if (appealIds.isEmpty()) {
            return Flux.empty();
        }
        return mongo.find(Query.query(where("_id").in(appealIds)), AssignmentDocument.class);
    }

    /**
     * Every assignment that is somebody's open work or answered and not yet closed: the snapshot the in-memory
     * queues start from. Reads the whole collection on mongo-java-server; done once at start-up.
     */
    public Flux<AssignmentDocument> openOrAnswered() {
        Set<AppealStatus> statuses = EnumSet.copyOf(Assignment.openStatuses());
        statuses.add(AppealStatus.RESPONDED);
        Query query = Query.query(where("status").in(statuses));
        query.fields().exclude("appliedEventIds").exclude("outbox");
        return mongo.find(query, AssignmentDocument.class);
    }

    // --- OutboxStore: what the kit's relay reads and removes ---------------------------------------------------

    @Override
    public Mono<List<OutboxEntry>> pending(String aggregateId) {
        return find(aggregateId).map(AssignmentDocument::outbox).defaultIfEmpty(List.of());
    }

    @Override
    public Mono<Void> remove(String aggregateId, String eventId) {
        Update pull = new Update().pull("outbox", Query.query(where("eventId").is(eventId)).getQueryObject());
        return mongo.updateFirst(Query.query(where("_id").is(aggregateId)), pull, AssignmentDocument.class).then();
    }

    @Override
    public Flux<String> pendingSince(Instant cutoff, int limit) {
        Query query = Query.query(where("outbox.createdAt").lt(cutoff)).limit(limit);
        query.fields().include("_id");
        return mongo.find(query, Document.class, AssignmentDocument.COLLECTION).map(d -> d.getString("_id"));
    }

    private static final class ConcurrentChange extends RuntimeException {
        ConcurrentChange() {
            super("assignment changed concurrently", null, false, false);
        }
    }
}
