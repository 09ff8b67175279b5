package gov.appeals.dispatch.queue.store;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletionStage;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import gov.appeals.dispatch.queue.Assignment;
import gov.appeals.dispatch.routing.RoutingHistory;

/** The appeals dispatch routed, as the routing what-if replays them: read from the assignments. */
@Component
public class RoutedAppeals implements RoutingHistory {

    private final ReactiveMongoTemplate mongo;

    public RoutedAppeals(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public CompletionStage<List<PastRouting>> acceptedBetween(Instant from, Instant to) {
        Query query = Query.query(where("acceptedAt").gte(from).lt(to))
                .with(Sort.by("acceptedAt", "_id"));
        query.fields().exclude("outbox").exclude("appliedEventIds");
        return mongo.find(query, AssignmentDocument.class, AssignmentDocument.COLLECTION)
                .map(AssignmentDocument::assignment)
                .map(RoutedAppeals::past)
                .collectList()
                .toFuture();
    }

    private static PastRouting past(Assignment a) {
        return new PastRouting(a.appealId(), a.facts(), a.trail().firstLead(), a.ruleVersion(),
                !a.trail().returns().isEmpty(), a.trail().reopened(), a.acceptedAt());
    }
}
