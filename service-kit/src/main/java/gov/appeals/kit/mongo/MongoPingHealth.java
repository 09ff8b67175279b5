package gov.appeals.kit.mongo;

import java.time.Duration;

import org.bson.Document;
import org.springframework.boot.health.contributor.AbstractReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

import reactor.core.publisher.Mono;

/**
 * MongoDB health by {@code ping}. Replaces Boot's indicator (registered under its bean name, which makes Boot's back
 * off): that one asks {@code hello}, which mongo-java-server, the store of the local run and the tests, does not
 * know; {@code ping} is answered by it and by real MongoDB alike.
 */
public class MongoPingHealth extends AbstractReactiveHealthIndicator {

    private final ReactiveMongoTemplate mongo;
    private final Duration timeout;

    public MongoPingHealth(ReactiveMongoTemplate mongo, Duration timeout) {
        super("MongoDB health check failed");
        this.mongo = mongo;
        this.timeout = timeout;
    }

    @Override
    protected Mono<Health> doHealthCheck(Health.Builder builder) {
        return mongo.executeCommand(new Document("ping", 1)).timeout(timeout)
                .map(answer -> builder.up().build());
    }
}
