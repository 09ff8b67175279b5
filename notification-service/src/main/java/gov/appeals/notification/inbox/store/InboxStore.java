package gov.appeals.notification.inbox.store;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import gov.appeals.kit.web.Paging;
import gov.appeals.notification.inbox.AppealFacts;
import gov.appeals.notification.inbox.InboxItem;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The units' inboxes: {@code inbox_items} (one document per item, its id {@code <eventId>|<unit>|<kind>}, inserted
 * once), {@code inbox_reads} (one per user and item read, its id {@code <user>|<itemId>}: unread is per user) and
 * {@code inbox_appeals} (the title and lead of each appeal, to word later items).
 */
@Repository
public class InboxStore {

    static final String ITEMS = "inbox_items";
    static final String READS = "inbox_reads";
    static final String APPEALS = "inbox_appeals";

    /** An item as stored. */
    record ItemDocument(@Id String id, String eventId, String appealId, String number, String unit,
                        InboxItem.Kind kind, String text, Instant at) {

        static ItemDocument of(InboxItem item) {
            return new ItemDocument(item.id(), item.eventId(), item.appealId(), item.number(), item.unit(),
                    item.kind(), item.text(), item.at());
        }

        InboxItem item() {
            return new InboxItem(id, eventId, appealId, number, unit, kind, text, at);
        }
    }

    /** One user's read mark on one item; {@code unit} is the item's, so that unread counts per unit. */
    record ReadDocument(@Id String id, String user, String itemId, String unit, Instant at) {
    }

    record AppealDocument(@Id String id, String title, String lead) {
    }

    /** An item as one user sees it. */
    public record Seen(InboxItem item, boolean read) {
    }

    /** One page of a user's inbox, newest first, and how many of all its items the user has not read. */
    public record Page(long unread, Paging.Page<Seen> page) {
    }

    private final ReactiveMongoTemplate mongo;

    public InboxStore(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Mono<Void> createIndexes() {
        return mongo.indexOps(ITEMS).createIndex(new Index().on("unit", Sort.Direction.ASC)
                        .on("at", Sort.Direction.DESC).named("unit_at"))
                .then(mongo.indexOps(READS).createIndex(new Index().on("user", Sort.Direction.ASC)
                        .on("unit", Sort.Direction.ASC).named("user_unit")))
                .then();
    }

    /** @return true when the item was stored now, false when it was there already (a redelivered event) */
    public Mono<Boolean> insert(InboxItem item) {
        return mongo.insert(ItemDocument.of(item), ITEMS).thenReturn(true)
                .onErrorResume(DuplicateKeyException.class, exists -> Mono.just(false));
    }

    public Mono<AppealFacts> facts(String appealId) {
        return mongo.findById(appealId, AppealDocument.class, APPEALS)
                .map(d -> new AppealFacts(appealId, d.title(), d.lead()))
                .defaultIfEmpty(AppealFacts.none(appealId));
    }

    public Mono<Void> remember(AppealFacts facts) {
        Update update = new Update().set("title", facts.title()).set("lead", facts.lead());
        return mongo.upsert(query(where("_id").is(facts.appealId())), update, APPEALS).then();
    }

    /** The item, when one of {@code units} may see it; empty otherwise (as if it did not exist). */
    public Mono<InboxItem> find(String itemId, Set<String> units) {
        return mongo.findOne(query(where("_id").is(itemId).and("unit").in(units)), ItemDocument.class, ITEMS)
                .map(ItemDocument::item);
    }

    /** Marks one item read for one user; marking it again changes nothing. */
    public Mono<Void> markRead(String user, InboxItem item, Instant at) {
        return mongo.insert(new ReadDocument(user + "|" + item.id(), user, item.id(), item.unit(), at), READS)
                .then()
                .onErrorResume(DuplicateKeyException.class, already -> Mono.empty());
    }

    /** Marks every item of {@code units} read for the user. */
    public Mono<Void> markAllRead(String user, Set<String> units, Instant at) {
        if (units.isEmpty()) {
            return Mono.empty();
        }
        return mongo.find(query(where("unit").in(units)), ItemDocument.class, ITEMS)
                .map(ItemDocument::item)
                .buffer(500)
                .concatMap(items -> unreadOf(user, items).flatMap(item -> markRead(user, item, at), 4))
                .then();
    }

    private Flux<InboxItem> unreadOf(String user, List<InboxItem> items) {
        return readIds(user, items.stream().map(InboxItem::id).toList())
                .flatMapMany(read -> Flux.fromIterable(items).filter(item -> !read.contains(item.id())));
    }

    private Mono<Set<String>> readIds(String user, Collection<String> itemIds) {
        if (itemIds.isEmpty()) {
            return Mono.just(Set.of());
        }
        List<String> ids = itemIds.stream().map(id -> user + "|" + id).toList();
        return mongo.find(query(where("_id").in(ids)), ReadDocument.class, READS)
                .map(ReadDocument::itemId).collect(Collectors.toSet());
    }

    /** One page of the items of {@code units}, newest first, each with whether the user read it. */
    public Mono<Page> page(String user, Set<String> units, Paging.Request request) {
        if (units.isEmpty()) {
            return Mono.just(new Page(0, new Paging.Page<>(List.of(), request.page(), request.size(), 0)));
        }
        Query ofUnits = query(where("unit").in(units));
        Mono<Long> total = mongo.count(ofUnits, ITEMS);
        Mono<Long> read = mongo.count(query(where("user").is(user).and("unit").in(units)), READS);
        Mono<List<InboxItem>> items = mongo.find(query(where("unit").in(units))
                        .with(Sort.by(Sort.Order.desc("at"), Sort.Order.desc("_id")))
                        .skip(request.skip()).limit(request.size()), ItemDocument.class, ITEMS)
                .map(ItemDocument::item).collectList();
        return Mono.zip(total, read, items).flatMap(t -> readIds(user, t.getT3().stream().map(InboxItem::id).toList())
                .map(readIds -> new Page(Math.max(0, t.getT1() - t.getT2()), new Paging.Page<>(
                        t.getT3().stream().map(item -> new Seen(item, readIds.contains(item.id()))).toList(),
                        request.page(), request.size(), t.getT1()))));
    }
}
