package gov.appeals.kit.mongo;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;

import reactor.core.publisher.Mono;

/**
 * The unique index on {@code {_id, field}} that every compare-and-set write ({@code {_id: id, field: n}}) needs.
 * mongo-java-server picks an index only when a query's fields are exactly the index's fields: without this one, a
 * guarded update by id reads every document of the collection, history included, and a service slows down as its
 * collection grows. On MongoDB the {@code _id} index already serves such a query; this one costs a few bytes a
 * document there.
 */
public final class GuardIndex {

    private GuardIndex() {
    }

    public static Index on(String field) {
        return new Index().on("_id", Sort.Direction.ASC).on(field, Sort.Direction.ASC).unique().named("guard_" + field);
    }

    /** Creates the index on {@code collection} (nothing happens when it exists). */
    public static Mono<String> ensure(ReactiveMongoTemplate mongo, String collection, String field) {
        return mongo.indexOps(collection).createIndex(on(field));
    }
}
