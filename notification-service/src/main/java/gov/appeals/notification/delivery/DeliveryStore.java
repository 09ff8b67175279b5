package gov.appeals.notification.delivery;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Repository;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The {@code deliveries} collection. */
@Repository
public class DeliveryStore {

    private final ReactiveMongoTemplate mongo;

    public DeliveryStore(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Mono<Boolean> isRecorded(String eventId) {
        return mongo.exists(query(where("_id").is(eventId)), Delivery.class);
    }

    /**
     * Records the outcome; a record that is already there wins, since a concurrent redelivery (a rebalance in the
     * middle of a callback) can only have found the same outcome.
     */
    public Mono<Void> record(Delivery delivery) {
        return mongo.insert(delivery)
                .onErrorResume(DuplicateKeyException.class, e -> Mono.empty())
                .then();
    }

    public Flux<Delivery> ofAppeal(String appealId) {
        return mongo.find(query(where("appealId").is(appealId))
                .with(Sort.by("deliveredAt", "version")), Delivery.class);
    }
}
