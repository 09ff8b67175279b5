package gov.appeals.notification.ops;

import org.bson.Document;
import org.springframework.boot.health.contributor.AbstractReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/**
 * Replaces Boot's MongoDB health check, which asks the server {@code hello}: mongo-java-server (the local run and
 * the tests) does not know that command and the service would report DOWN for ever. {@code ping} is answered by
 * real MongoDB and by mongo-java-server alike. The bean name is the one Boot's own indicator backs off for.
 */
@Component("mongoHealthIndicator")
public class MongoPingHealth extends AbstractReactiveHealthIndicator {

    private final ReactiveMongoTemplate mongo;

    public MongoPingHealth(ReactiveMongoTemplate mongo) {
        super("MongoDB health check failed");
        this.mongo = mongo;
    }

    @Override
    protected Mono<Health> doHealthCheck(Health.Builder builder) {
        return mongo.getMongoDatabase().flatMap(db -> Mono.from(db.runCommand(new Document("ping", 1)))
                .map(answer -> builder.up().withDetail("database", db.getName()).build()));
    }
}
