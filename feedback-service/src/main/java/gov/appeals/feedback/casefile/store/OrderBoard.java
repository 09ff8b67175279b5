package gov.appeals.feedback.casefile.store;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndReplaceOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

import gov.appeals.events.SupervisionOrderRaised.Trigger;
import gov.appeals.feedback.casefile.CaseFile;
import gov.appeals.feedback.casefile.SupervisionOrder;
import gov.appeals.kit.web.Paging;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The {@code supervision_orders} collection: every order of every case, one document each, so that supervisors
 * page through orders by department, state and deadline without reading cases. The case is the source of truth;
 * each write here copies an order from it (a replace keyed by the order id, so copying twice is harmless), right
 * after the case was stored and again when the order's event comes back from the topic, which repairs a copy a
 * crash in between missed.
 */
@Repository
public class OrderBoard {

    private static final Logger LOG = LoggerFactory.getLogger(OrderBoard.class);
    static final String COLLECTION = "supervision_orders";

    /** One listed order. */
    public record OrderEntry(String id, String appealId, String number, String department, Trigger trigger,
                             String comment, String raisedBy, Instant raisedAt, Instant dueBy, String escalatedTo,
                             boolean open, Instant closedAt, String closedBy, String closeComment) {

        public static OrderEntry of(CaseFile file, SupervisionOrder order) {
            return new OrderEntry(order.orderId(), file.appealId(), file.appeal().number(), order.department(),
                    order.trigger(), order.comment(), order.raisedBy(), order.raisedAt(), order.dueBy(),
                    order.escalatedTo(), order.isOpen(), order.closedAt(), order.closedBy(), order.closeComment());
        }
    }

    private final ReactiveMongoTemplate mongo;

    public OrderBoard(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void createIndexes() {
        var ops = mongo.indexOps(COLLECTION);
        ops.createIndex(new Index().on("department", Sort.Direction.ASC).on("open", Sort.Direction.DESC)
                        .on("dueBy", Sort.Direction.ASC).named("by_department"))
                .then(ops.createIndex(new Index().on("open", Sort.Direction.DESC).on("dueBy", Sort.Direction.ASC)
                        .named("by_state")))
                .subscribe(name -> LOG.debug("Index {} ready", name),
                        e -> LOG.warn("Could not create the order indexes: {}", e.toString()));
    }

    /** Copies every order of the case. */
    public Mono<Void> copy(CaseFile file) {
        return Flux.fromIterable(file.supervision().orders())
                .concatMap(order -> mongo.findAndReplace(query(where("_id").is(order.orderId())),
                        OrderEntry.of(file, order), FindAndReplaceOptions.options().upsert(), OrderEntry.class,
                        COLLECTION))
                .then();
    }

    public Mono<OrderEntry> find(String orderId) {
        return mongo.findById(orderId, OrderEntry.class, COLLECTION);
    }

    /**
     * @param department null for every department
     * @param open       null for open and closed
     * @param overdue    true: open and past its deadline at {@code now}; false: the others; null: both
     */
    public Mono<Paging.Page<OrderEntry>> list(String department, Boolean open, Boolean overdue, Instant now,
                                              Paging.Request paging) {
        Criteria criteria = new Criteria();
        if (department != null) {
            criteria = criteria.and("department").is(department);
        }
        if (Boolean.TRUE.equals(overdue)) {
            criteria = criteria.and("open").is(true).and("dueBy").lt(now);
        } else {
            if (open != null) {
                criteria = criteria.and("open").is(open);
            }
            if (Boolean.FALSE.equals(overdue)) {
                criteria = criteria.orOperator(where("open").is(false), where("dueBy").gte(now));
            }
        }
        Query page = new Query(criteria).with(Sort.by(Sort.Order.desc("open"), Sort.Order.asc("dueBy"),
                Sort.Order.asc("_id"))).skip(paging.skip()).limit(paging.size());
        return Mono.zip(mongo.find(page, OrderEntry.class, COLLECTION).collectList(),
                        mongo.count(new Query(criteria), COLLECTION))
                .map(t -> new Paging.Page<>(t.getT1(), paging.page(), paging.size(), t.getT2()));
    }
}
