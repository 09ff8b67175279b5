package gov.appeals.feedback.casefile;

import java.util.List;

import gov.appeals.events.AppealEvent;

/**
 * A supervision step's result: the case after it and the events announcing it, stored together.
 *
 * @param events empty when nothing changed (a repeated request, an alarm another instance already fired)
 */
public record CaseChange(CaseFile file, List<AppealEvent> events) {

    public CaseChange {
        events = List.copyOf(events);
    }

    public boolean changed() {
        return !events.isEmpty();
    }
}
