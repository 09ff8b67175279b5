package gov.appeals.kit.outbox;

import java.time.Instant;
import java.util.List;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * What the relay needs from a service's own documents, each of which keeps its pending events in an {@code outbox}
 * array written in the same single-document update as the state change they announce.
 */
public interface OutboxStore {

    /** The aggregate's pending events, oldest first; empty when there are none (or no such aggregate). */
    Mono<List<OutboxEntry>> pending(String aggregateId);

    /** Takes a published event out of the aggregate's outbox; other writes to the document are unaffected. */
    Mono<Void> remove(String aggregateId, String eventId);

    /** Ids of aggregates with an event pending since before {@code cutoff}, at most {@code limit} of them. */
    Flux<String> pendingSince(Instant cutoff, int limit);
}
