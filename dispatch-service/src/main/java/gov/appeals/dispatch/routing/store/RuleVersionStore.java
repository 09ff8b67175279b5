package gov.appeals.dispatch.routing.store;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import gov.appeals.dispatch.routing.RuleVersion;
import gov.appeals.kit.web.Paging;
import reactor.core.publisher.Mono;

/**
 * The versions of the routing rules, one document each. The highest version is the active one: an edit and a rollback
 * both append, so "which is active" needs no second document that could disagree with the first.
 */
@Component
public class RuleVersionStore {

    private final ReactiveMongoTemplate mongo;

    public RuleVersionStore(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Mono<RuleVersion> active() {
        return mongo.findOne(new Query().with(Sort.by(Sort.Direction.DESC, "_id")).limit(1),
                RuleVersionDocument.class).map(RuleVersionDocument::toVersion);
    }

    public Mono<RuleVersion> find(int version) {
        return mongo.findById(version, RuleVersionDocument.class).map(RuleVersionDocument::toVersion);
    }

    /** Newest first, without their rules. */
    public Mono<Paging.Page<RuleVersion>> list(Paging.Request page) {
        Query query = new Query().with(Sort.by(Sort.Direction.DESC, "_id")).skip(page.skip()).limit(page.size());
        query.fields().exclude("rules");
        return mongo.find(query, RuleVersionDocument.class).map(RuleVersionDocument::toVersion).collectList()
                .zipWith(mongo.count(new Query(), RuleVersionDocument.class))
                .map(found -> new Paging.Page<>(found.getT1(), page.page(), page.size(), found.getT2()));
    }

    /**
     * Writes a new version; empty when that number is taken already (another supervisor, or another instance,
     * published it first).
     */
    public Mono<RuleVersion> insert(RuleVersion version) {
        return mongo.insert(RuleVersionDocument.of(version)).map(RuleVersionDocument::toVersion)
                .onErrorResume(DuplicateKeyException.class, taken -> Mono.empty());
    }
}
