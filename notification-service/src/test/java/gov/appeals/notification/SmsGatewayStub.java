package gov.appeals.notification;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import tools.jackson.databind.JsonNode;

/** Stands in for the SMS provider: can answer the next requests with 503 (the provider down for a while). */
final class SmsGatewayStub extends RecordingStub {

    static final String PATH = "/sms/messages";

    private final AtomicInteger unavailable = new AtomicInteger();
    private final AtomicInteger ids = new AtomicInteger();

    private SmsGatewayStub() {
        super(PATH);
    }

    static SmsGatewayStub start() {
        return new SmsGatewayStub();
    }

    /** The next {@code count} requests are answered 503. */
    void unavailableFor(int count) {
        unavailable.set(count);
    }

    /** Every request whose text mentions {@code appealNumber}, in the order they arrived. */
    List<Request> requestsAbout(String appealNumber) {
        return received(r -> r.text("text").contains(appealNumber));
    }

    /** The messages about {@code appealNumber} the gateway took (2xx). */
    List<Request> takenAbout(String appealNumber) {
        return requestsAbout(appealNumber).stream().filter(Request::taken).toList();
    }

    @Override
    Answer answer(JsonNode request) {
        return unavailable.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? Answer.of(503)
                : new Answer(200, "{\"id\":\"SMS-" + ids.incrementAndGet() + "\"}");
    }
}
