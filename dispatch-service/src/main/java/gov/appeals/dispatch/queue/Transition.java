package gov.appeals.dispatch.queue;

import gov.appeals.events.AppealEvent;

/** A state change of an assignment together with the event that announces it. */
public record Transition(Assignment before, Assignment after, AppealEvent event) {
}
