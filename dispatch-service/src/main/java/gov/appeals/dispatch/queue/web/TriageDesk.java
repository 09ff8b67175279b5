package gov.appeals.dispatch.queue.web;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;

import gov.appeals.dispatch.queue.AppealNotFoundException;
import gov.appeals.dispatch.queue.QueueEntry;
import gov.appeals.dispatch.queue.QueueRole;
import gov.appeals.dispatch.queue.TriageDecision;
import gov.appeals.dispatch.queue.store.AssignmentStore;
import gov.appeals.dispatch.queue.store.AssignmentStore.Change;
import gov.appeals.kit.outbox.OutboxRelay;
import gov.appeals.kit.web.FieldProblem;
import gov.appeals.kit.web.InvalidRequestException;
import gov.appeals.kit.web.TextRules;
import gov.appeals.reference.ReferenceData;
import gov.appeals.reference.calendar.DeadlinePolicy;
import reactor.core.publisher.Mono;

/** The triage unit's desk (区经委 兜底): final decisions on appeals no routing rule covered. */
@Service
public class TriageDesk {

    private final ReferenceData reference;
    private final AssignmentStore store;
    private final OutboxRelay relay;
    private final TextRules text;
    private final Clock clock;
    /** The clocks of DESIGN.md §1, which start when the triage unit assigns an appeal no rule routed. */
    private final DeadlinePolicy deadlines;

    public TriageDesk(ReferenceData reference, DeadlinePolicy deadlines, AssignmentStore store, OutboxRelay relay,
                      TextRules text, Clock clock) {
        this.reference = reference;
        this.deadlines = deadlines;
        this.store = store;
        this.relay = relay;
        this.text = text;
        this.clock = clock;
    }

    public Mono<QueueEntry> decide(String appealId, TriageDecision decision) {
        validate(decision);
        return store.change(appealId, document -> Optional.of(Change.announcing(
                        document.assignment().decideTriage(decision, UUID.randomUUID().toString(), clock.instant(),
                                deadlines),
                        clock.instant())))
                .switchIfEmpty(Mono.error(() -> new AppealNotFoundException(appealId)))
                .doOnNext(written -> relay.publishSoon(written.id(), written.outbox()))
                .map(written -> new QueueEntry(written.assignment(), QueueRole.LEAD));
    }

    private void validate(TriageDecision decision) {
        List<FieldProblem> problems = new ArrayList<>();
        if (decision.lead() == null || decision.lead().isBlank()) {
            problems.add(new FieldProblem("lead", "is required"));
        } else if (reference.unit(decision.lead()).isEmpty()) {
            problems.add(new FieldProblem("lead", "is not a known department or street/town code"));
        }
        for (int i = 0; i < decision.coHandlers().size(); i++) {
            if (reference.unit(decision.coHandlers().get(i)).isEmpty()) {
                problems.add(new FieldProblem("coHandlers[" + i + "]",
                        "is not a known department or street/town code"));
            }
        }
        text.requireLong(problems, "reason", decision.reason());
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
    }
}
