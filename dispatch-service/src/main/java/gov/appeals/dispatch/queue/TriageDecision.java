package gov.appeals.dispatch.queue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The triage unit's final decision (兜底) on who leads an appeal no rule covered. */
public record TriageDecision(String lead, List<String> coHandlers, String reason, String triager) {
    public TriageDecision {
        // Not List.copyOf: a null entry must reach validation as a bad code, not fail here.
        coHandlers = coHandlers == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(coHandlers));
    }
}
