package gov.appeals.notification.inbox.web;

import java.time.Duration;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.stereotype.Component;

import gov.appeals.notification.inbox.InboxItem;
import gov.appeals.notification.inbox.NewItems;
import reactor.core.publisher.BufferOverflowStrategy;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;

/**
 * The live side of the inbox: every item this instance stores, as Server-Sent Events for the open inbox pages of
 * the units it is for ({@code item}, data as the inbox lists it, id the item's id); a comment every
 * {@code appeals.inbox.heartbeat} keeps proxies from closing an idle connection.
 *
 * <p>Per instance, as dispatch's queue stream: the items come from this instance's consumer, which reads only the
 * partitions the group gave it, so a page connected to another instance misses them until it reloads the list
 * ({@code GET /api/v1/inbox} is the whole truth; the stream only spares polling).
 */
@Component
public class InboxStream implements NewItems {

    static final String ITEM = "item";

    /**
     * How many items one subscriber may fall behind by: beyond that its oldest are dropped, so that one slow client
     * never holds up the consumer or the other clients; it should reload its list then.
     */
    private static final int BACKLOG = 256;

    private static final Logger log = LoggerFactory.getLogger(InboxStream.class);

    // Best effort: a subscriber never lacks demand here (it buffers), and one that went away is simply left out.
    private final Sinks.Many<InboxItem> items = Sinks.many().multicast().directBestEffort();
    private final Duration heartbeat;

    public InboxStream(@Value("${appeals.inbox.heartbeat:15s}") Duration heartbeat) {
        this.heartbeat = heartbeat;
    }

    /** Called by the consumers' threads, each its own partitions: serialized, since a sink takes one at a time. */
    @Override
    public void stored(InboxItem item) {
        synchronized (items) {
            Sinks.EmitResult result = items.tryEmitNext(item);
            if (result.isFailure() && result != Sinks.EmitResult.FAIL_ZERO_SUBSCRIBER) {
                log.debug("Inbox item {} not streamed: {}", item.id(), result);
            }
        }
    }

    /** The units' items from now on; opens with a comment, so that the headers go out at once. */
    public Flux<ServerSentEvent<Object>> follow(String user, Set<String> units) {
        Flux<ServerSentEvent<Object>> events = items.asFlux()
                .filter(item -> units.contains(item.unit()))
                .onBackpressureBuffer(BACKLOG, dropped -> log.warn("The inbox stream of {} fell {} items behind and "
                        + "lost the oldest ({})", user, BACKLOG, dropped.id()), BufferOverflowStrategy.DROP_OLDEST)
                // Off the consumer's thread: it must not wait for a client.
                .publishOn(Schedulers.parallel())
                .map(item -> ServerSentEvent.<Object>builder(InboxController.ItemView.of(item, false)).event(ITEM)
                        .id(item.id()).build());
        Flux<ServerSentEvent<Object>> heartbeats = Flux.interval(heartbeat)
                .map(beat -> ServerSentEvent.builder().comment("heartbeat").build());
        // Merged in this order, the subscription to the items is in place before the opening comment is sent.
        return Flux.merge(events, Flux.just(ServerSentEvent.builder().comment("open").build()), heartbeats);
    }
}
