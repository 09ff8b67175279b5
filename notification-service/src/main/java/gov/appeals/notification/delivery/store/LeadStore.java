package gov.appeals.notification.delivery.store;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import reactor.core.publisher.Mono;

/** The lead department of each appeal, see {@link AppealLead}. */
@Repository
public class LeadStore {

    private final ReactiveMongoTemplate mongo;

    public LeadStore(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** @return the department leading the appeal; empty when none does or the appeal is unknown */
    public Mono<String> lead(String appealId) {
        return mongo.findById(appealId, AppealLead.class).mapNotNull(AppealLead::lead);
    }

    /**
     * Keeps who leads the appeal now. Two instances handling the same event write the same lead, and an appeal's
     * events are handled one after the other, so the last write is the lead after the latest event.
     */
    public Mono<Void> keep(String appealId, String lead) {
        return mongo.upsert(query(where("_id").is(appealId)), new Update().set("lead", lead), AppealLead.class)
                .then();
    }
}
