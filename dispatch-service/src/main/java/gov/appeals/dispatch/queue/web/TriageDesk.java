package gov.appeals.dispatch.queue.service;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;

import gov.appeals.dispatch.outbox.OutboxRelay;
import gov.appeals.dispatch.queue.AppealNotFoundException;
import gov.appeals.dispatch.queue.FieldProblem;
import gov.appeals.dispatch.queue.InvalidRequestException;
import gov.appeals.dispatch.queue.QueueRole;
import gov.appeals.dispatch.queue.TriageDecision;
import gov.appeals.events.reference.ReferenceData;
import gov.appeals.dispatch.queue.store.AssignmentStore;
import gov.appeals.dispatch.queue.store.AssignmentStore.Change;
import reactor.core.publisher.Mono;

/** The triage unit's desk (区经委 兜底): final decisions on appeals no routing rule covered. */
@Service
public class TriageDesk {

    private static final int MAX_REASON = 500;
    private static final int MAX_NAME = 64;

    private final ReferenceData reference;
    private final AssignmentStore store;
    private final OutboxRelay relay;
    private final Clock clock;

    public TriageDesk(ReferenceData reference, AssignmentStore store, OutboxRelay relay, Clock clock) {
        this.reference = reference;
        this.store = store;
        this.relay = relay;
        this.clock = clock;
    }

    public Mono<QueueEntry> decide(String appealId, TriageDecision decision) {
        validate(decision);
        return store.change(appealId, document -> Optional.of(Change.announcing(
                        document.assignment().decideTriage(decision, UUID.randomUUID().toString(), clock.instant()),
                        clock.instant())))
                .switchIfEmpty(Mono.error(() -> new AppealNotFoundException(appealId)))
                .doOnNext(relay::publishPending)
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
        if (decision.reason() == null || decision.reason().isBlank()) {
            problems.add(new FieldProblem("reason", "is required"));
        } else if (decision.reason().length() > MAX_REASON) {
            problems.add(new FieldProblem("reason", "must be at most " + MAX_REASON + " characters"));
        }
        if (decision.triager() != null && decision.triager().length() > MAX_NAME) {
            problems.add(new FieldProblem("triager", "must be at most " + MAX_NAME + " characters"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
    }
}
