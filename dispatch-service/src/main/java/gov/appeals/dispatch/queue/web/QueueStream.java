package gov.appeals.dispatch.queue.web;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.stereotype.Component;

import gov.appeals.dispatch.queue.OpenWork;
import gov.appeals.dispatch.queue.QueueFilter;
import reactor.core.publisher.BufferOverflowStrategy;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;

/**
 * The live side of the queues: every change of the in-memory queues ({@link OpenWork}, which follows the whole
 * stream, so changes any instance made), as Server-Sent Events for the units' open queue pages. {@code item} carries
 * the appeal as the page shows it, {@code removed} its id once it left the queue (or the filter); a comment now and
 * then keeps proxies from closing an idle connection.
 */
@Component
public class QueueStream {

    static final String ITEM = "item";
    static final String REMOVED = "removed";

    /**
     * How many changes one subscriber may fall behind by: beyond that its oldest are dropped, so that one slow
     * client never holds up the queues or the other clients; it has lost changes then and must reload its page.
     */
    private static final int BACKLOG = 1024;
    /** How many appeals of one subscriber are read from the store at once, their events still sent in order. */
    private static final int READS = 4;

    private static final Logger log = LoggerFactory.getLogger(QueueStream.class);

    // Best effort: a subscriber never lacks demand here (it buffers), and one that went away is simply left out.
    private final Sinks.Many<OpenWork.Change> changes = Sinks.many().multicast().directBestEffort();
    private final DepartmentQueue queue;
    private final Clock clock;
    private final Duration heartbeat;

    public QueueStream(OpenWork openWork, DepartmentQueue queue, Clock clock,
                       @Value("${appeals.queue.heartbeat:15s}") Duration heartbeat) {
        this.queue = queue;
        this.clock = clock;
        this.heartbeat = heartbeat;
        // OpenWork tells its changes one at a time, under its lock: the emissions never race each other.
        openWork.listen(changes::tryEmitNext);
    }

    /** The unit's changes from now on that {@code filter} lets through; opens with a comment, so headers go out. */
    public Flux<ServerSentEvent<Object>> follow(String unit, QueueFilter filter) {
        Flux<ServerSentEvent<Object>> events = changes.asFlux()
                .filter(change -> change.concerns(unit))
                .onBackpressureBuffer(BACKLOG, dropped -> log.warn("A queue stream of {} fell {} changes behind and "
                        + "lost the oldest ({})", unit, BACKLOG, dropped.appealId()), BufferOverflowStrategy.DROP_OLDEST)
                // Off the thread that made the change: it holds the queues' lock.
                .publishOn(Schedulers.parallel())
                .flatMapSequential(change -> event(unit, filter, change), READS);
        Flux<ServerSentEvent<Object>> heartbeats = Flux.interval(heartbeat)
                .map(beat -> ServerSentEvent.builder().comment("heartbeat").build());
        // Merged in this order, the subscription to the changes is in place before the opening comment is sent.
        return Flux.merge(events, Flux.just(ServerSentEvent.builder().comment("open").build()), heartbeats);
    }

    private Mono<ServerSentEvent<Object>> event(String unit, QueueFilter filter, OpenWork.Change change) {
        OpenWork.Item after = change.after();
        boolean shown = after != null && after.roleOf(unit)
                .filter(role -> filter.matches(after, role, clock.instant())).isPresent();
        if (shown) {
            return queue.current(unit, change.appealId(), after.version())
                    .filter(entry -> filter.statuses() == null
                            || filter.statuses().contains(entry.assignment().status()))
                    .map(entry -> ServerSentEvent.<Object>builder(QueueItem.of(entry)).event(ITEM)
                            .id(change.appealId()).build())
                    .onErrorResume(e -> {
                        log.warn("Queue stream of {}: appeal {} could not be read, its change not sent: {}", unit,
                                change.appealId(), e.toString());
                        return Mono.empty();
                    });
        }
        boolean wasThere = change.before() != null && change.before().units().contains(unit);
        return wasThere ? Mono.just(ServerSentEvent.<Object>builder(Map.of("id", change.appealId())).event(REMOVED)
                .id(change.appealId()).build()) : Mono.empty();
    }
}
