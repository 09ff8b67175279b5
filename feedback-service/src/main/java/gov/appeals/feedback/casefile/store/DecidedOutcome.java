package gov.appeals.feedback.casefile.store;

import java.nio.charset.StandardCharsets;

import gov.appeals.events.EventCodec;
import gov.appeals.feedback.casefile.Outcome;

/** {@link Outcome} as stored: the decided event as its contract JSON, so it comes back byte for byte the same. */
record DecidedOutcome(String ratingEventId, String type, String payload) {

    static DecidedOutcome of(Outcome outcome) {
        return outcome == null ? null : new DecidedOutcome(outcome.ratingEventId(), outcome.event().type(),
                new String(EventCodec.encode(outcome.event()), StandardCharsets.UTF_8));
    }

    Outcome toOutcome() {
        return new Outcome(ratingEventId, EventCodec.decode(type, payload.getBytes(StandardCharsets.UTF_8))
                .orElseThrow(() -> new IllegalStateException("Stored outcome of unknown type " + type)));
    }
}
