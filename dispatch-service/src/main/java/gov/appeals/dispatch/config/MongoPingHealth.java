package gov.appeals.dispatch.config;

import org.bson.Document;
import org.springframework.boot.health.contributor.AbstractReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/**
 * MongoDB health by {@code ping}. Replaces Boot's indicator (same bean name), which asks {@code hello}: the
 * mongo-java-server store of the local all-in-one run does not know that command and would report DOWN forever.
 */
@Component("mongoHealthIndicator")
public class MongoPingHealth extends AbstractReactiveHealthIndicator {

    private final ReactiveMongoTemplate mongo;

    public MongoPingHealth(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    protected Mono<Health> doHealthCheck(Health.Builder builder) {
        return mongo.executeCommand(new Document("ping", 1))
                .map(answer -> builder.up().build());
    }
}
