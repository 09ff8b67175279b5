package gov.appeals.notification;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import tools.jackson.databind.JsonNode;

/**
 * Stands in for the 12345 system's callback endpoint: can be down (every callback answered 503) and can refuse the
 * callback of one event for good (422).
 */
final class HotlineStub extends RecordingStub {

    static final String PATH = "/12345/callbacks";

    private final Set<String> refusedEventIds = ConcurrentHashMap.newKeySet();
    private volatile boolean down;

    private HotlineStub() {
        super(PATH);
    }

    static HotlineStub start() {
        return new HotlineStub();
    }

    /** From now on every callback is answered 503, until {@link #up()}. */
    void down() {
        down = true;
    }

    void up() {
        down = false;
    }

    /** From now on, the callback of this event is answered 422: 12345 will never take it. */
    void refuse(String eventId) {
        refusedEventIds.add(eventId);
    }

    /** Every request for the appeal, answered or failed, in the order they arrived. */
    List<Request> callbacksFor(String appealId) {
        return received(c -> appealId.equals(c.text("appealId")));
    }

    /** The requests for the appeal that were confirmed (2xx), in the order they arrived. */
    List<Request> confirmedFor(String appealId) {
        return callbacksFor(appealId).stream().filter(Request::taken).toList();
    }

    @Override
    Answer answer(JsonNode request) {
        return Answer.of(down ? 503 : refusedEventIds.contains(request.path("eventId").asString()) ? 422 : 200);
    }
}
