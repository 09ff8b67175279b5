package gov.appeals.feedback.casefile.web;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;

import gov.appeals.feedback.casefile.AnswerCommand;
import gov.appeals.feedback.casefile.Answered;
import gov.appeals.feedback.casefile.CaseAccess;
import gov.appeals.feedback.casefile.CaseFile;
import gov.appeals.feedback.casefile.store.CaseEvents;
import gov.appeals.feedback.casefile.store.CaseStore;
import gov.appeals.feedback.casefile.store.ConcurrentCaseUpdateException;
import gov.appeals.feedback.casefile.store.StoredCase;
import gov.appeals.kit.outbox.OutboxRelay;
import gov.appeals.kit.security.Actor;
import gov.appeals.kit.web.ForbiddenException;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Records the lead department's answer: the new status, the answer and the AppealResponded announcing it go into
 * the case in one write; the kit's outbox relay publishes the event after the caller has its response.
 */
@Service
public class AnswerDesk {

    private static final int CONCURRENT_RETRIES = 5;

    private final CaseStore store;
    private final OutboxRelay relay;
    private final Clock clock;

    public AnswerDesk(CaseStore store, OutboxRelay relay, Clock clock) {
        this.store = store;
        this.relay = relay;
        this.clock = clock;
    }

    /** The case, if the actor may see it; not found otherwise. */
    public Mono<CaseFile> find(String appealId, Actor actor) {
        return store.find(appealId).map(StoredCase::file)
                .filter(file -> CaseAccess.mayRead(actor, file.lead(), file.coHandlers()))
                .switchIfEmpty(Mono.error(() -> new CaseNotFoundException(appealId)));
    }

    /** The lead department's answer, given by one of its clerks or its head. */
    public Mono<AnswerReceipt> answer(String appealId, AnswerRequest request, Actor actor) {
        return Mono.defer(() -> store.find(appealId)
                        .filter(stored -> CaseAccess.handles(actor, stored.file().lead(), stored.file().coHandlers()))
                        .switchIfEmpty(Mono.error(() -> new CaseNotFoundException(appealId)))
                        .flatMap(stored -> CaseAccess.mayAnswer(actor, stored.file().lead())
                                ? record(stored, request.toCommand(actor.id()))
                                : Mono.error(new ForbiddenException("Only the lead department ("
                                        + stored.file().lead() + ") answers appeal " + appealId))))
                .retryWhen(Retry.max(CONCURRENT_RETRIES).filter(ConcurrentCaseUpdateException.class::isInstance));
    }

    private Mono<AnswerReceipt> record(StoredCase stored, AnswerCommand command) {
        Answered answered = stored.file().answer(command, clock.instant(), UUID.randomUUID().toString());
        AnswerReceipt receipt = AnswerReceipt.of(stored.file().appealId(), answered.file().answer());
        if (answered.isRepeat()) {
            return Mono.just(receipt);
        }
        return store.save(stored, answered.file(), List.of(CaseEvents.pending(answered.announcement(), clock.instant())))
                .then(Mono.fromRunnable(() -> relay.publishSoon(stored.file().appealId())))
                .thenReturn(receipt);
    }
}
