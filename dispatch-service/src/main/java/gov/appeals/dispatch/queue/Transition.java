package gov.appeals.dispatch.queue;

import java.util.List;

import gov.appeals.events.AppealEvent;

/**
 * A state change of an assignment together with the events that announce it, in the order they happened (a return
 * is announced by the return and the re-routing it led to).
 */
public record Transition(Assignment before, Assignment after, List<AppealEvent> events) {

    public Transition {
        events = List.copyOf(events);
    }

    public Transition(Assignment before, Assignment after, AppealEvent event) {
        this(before, after, List.of(event));
    }

    /** The last event: the one that names the state the appeal ends in. */
    public AppealEvent event() {
        return events.get(events.size() - 1);
    }
}
