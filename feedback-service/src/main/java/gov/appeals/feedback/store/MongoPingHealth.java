package gov.appeals.feedback.store;

import org.bson.Document;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/**
 * MongoDB health by {@code ping}, in place of Boot's indicator (same bean name), which asks {@code hello}: a
 * command mongo-java-server, the store of the local run and the tests, does not know, so the service would always
 * report DOWN there. Every MongoDB answers {@code ping}.
 */
@Component("mongoHealthIndicator")
public class MongoPingHealth implements ReactiveHealthIndicator {

    private final ReactiveMongoTemplate mongo;

    public MongoPingHealth(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Mono<Health> health() {
        return mongo.executeCommand(new Document("ping", 1))
                .map(reply -> Health.up().build())
                .onErrorResume(e -> Mono.just(Health.down(e).build()));
    }
}
