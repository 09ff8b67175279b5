package gov.appeals.dispatch.queue;

import java.time.Instant;
import java.util.List;

import gov.appeals.events.AppealStatus;

/**
 * The lead hands a signed appeal over to another department (转办), which agrees to take it: both sides are
 * recorded, the co-handlers stay, and the clocks keep running. Unlike a return it needs no routing; the receiving
 * department signs for it again.
 */
public final class TransferAppeal {

    public record Request(String unit, String to, String reason, String staff) {
    }

    private TransferAppeal() {
    }

    public static Transition decide(Assignment appeal, Request request, String eventId, Instant now) {
        if (!request.unit().equals(appeal.lead()) || appeal.status() == AppealStatus.TRIAGE
                || !Assignment.openStatuses().contains(appeal.status())) {
            throw new NotInQueueException(appeal.appealId(), request.unit());
        }
        if (appeal.status() != AppealStatus.SIGNED) {
            throw new WrongStatusException(appeal.appealId(), appeal.status(),
                    "transferred: sign for it first, or return it if it is not yours");
        }
        if (request.to().equals(request.unit())) {
            throw new ActionRefusedException(appeal, "Appeal " + appeal.appealId() + " is already led by "
                    + request.unit() + ".");
        }
        if (appeal.trail().returnedBy(request.to())) {
            throw new ActionRefusedException(appeal, request.to() + " returned appeal " + appeal.appealId()
                    + " before; ask the triage unit instead of transferring it there.");
        }
        List<String> helpers = appeal.coHandlers().stream().filter(unit -> !unit.equals(request.to())).toList();
        String decided = "transfer:" + request.staff();
        String reason = "Transferred by " + request.unit() + ": " + request.reason();
        Assignment after = appeal
                .with(AppealStatus.ASSIGNED, request.to(), helpers, appeal.triageUnit(), appeal.deadlines(),
                        appeal.version() + 1, decided, reason)
                .withRuleVersion(null)
                .withSigner(null)
                .withTrail(appeal.trail().withTransfer(new Trail.Transfer(request.unit(), request.to(),
                        request.reason(), request.staff(), now)));
        return new Transition(appeal, after,
                after.assignedEvent(eventId, now, "staff:" + request.staff(), request.unit()));
    }
}
