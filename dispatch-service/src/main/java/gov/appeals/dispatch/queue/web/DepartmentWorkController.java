package gov.appeals.dispatch.queue.web;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import gov.appeals.dispatch.queue.NotInQueueException;
import gov.appeals.dispatch.queue.QueueAccess;
import gov.appeals.dispatch.queue.Trail;
import gov.appeals.kit.security.Actor;
import gov.appeals.kit.web.ForbiddenException;
import gov.appeals.reference.ReferenceData;
import io.swagger.v3.oas.annotations.Operation;
import reactor.core.publisher.Mono;

/** What a department does with an appeal besides signing it, and what it reads before. */
@RestController
public class DepartmentWorkController {

    private static final String ITEM = "/api/v1/departments/{code}/queue/{id}";

    private final DepartmentWork work;
    private final String triageUnit;

    public DepartmentWorkController(DepartmentWork work, ReferenceData reference) {
        this.work = work;
        this.triageUnit = reference.triageUnit().code();
    }

    @GetMapping(ITEM)
    @Operation(summary = "One appeal of the unit's queue with its returns, transfers, co-handlers' input and "
            + "consultations: what the lead reads before answering")
    public Mono<AppealDetail> detail(@PathVariable String code, @PathVariable String id,
                                     @AuthenticationPrincipal Actor actor) {
        if (!QueueAccess.mayRead(actor, code, triageUnit)) {
            return Mono.error(new ForbiddenException("The queue of " + code + " is its own staff's"));
        }
        return work.find(id).map(a -> {
            if (a.roleOf(code).isEmpty()) {
                throw new NotInQueueException(id, code);
            }
            return AppealDetail.of(a);
        });
    }

    @PostMapping(path = ITEM + "/return", consumes = "application/json")
    @Operation(summary = "The lead returns (退单) a misrouted appeal with a reason; it is routed again at once, "
            + "excluding every department that returned it, and goes to triage after the second return",
            description = "reason: NOT_OUR_REMIT, WRONG_STREET, NEEDS_OTHER_DEPARTMENT, DUPLICATE (to triage), "
                    + "BEYOND_STREET_CAPACITY (a street/town escalates to the district: triage), OTHER. 409 for a "
                    + "second return by the same department and for a triage decision (ask a supervisor).")
    public Mono<AppealDetail> returnAppeal(@PathVariable String code, @PathVariable String id,
                                           @RequestBody WorkRequests.Return body,
                                           @AuthenticationPrincipal Actor actor) {
        requireStaff(actor, code, "return");
        return work.returnAppeal(code, id, body, actor.id()).map(AppealDetail::of);
    }

    @PostMapping(path = ITEM + "/transfer", consumes = "application/json")
    @Operation(summary = "The lead hands a signed appeal over (转办) to another department; both sides are recorded "
            + "and the clocks keep running")
    public Mono<AppealDetail> transfer(@PathVariable String code, @PathVariable String id,
                                       @RequestBody WorkRequests.Transfer body,
                                       @AuthenticationPrincipal Actor actor) {
        requireStaff(actor, code, "transfer");
        return work.transfer(code, id, body, actor.id()).map(AppealDetail::of);
    }

    @PostMapping(path = ITEM + "/input", consumes = "application/json")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "A co-handler posts its input (协办意见) for the lead's answer; the answer cites it by id")
    public Mono<Trail.Input> input(@PathVariable String code, @PathVariable String id,
                                   @RequestBody WorkRequests.Input body, @AuthenticationPrincipal Actor actor) {
        requireStaff(actor, code, "post input");
        return work.postInput(code, id, body, actor.id());
    }

    @GetMapping("/api/v1/departments/{code}/consultations")
    @Operation(summary = "The appeals on which the triage unit waits for this department's answer (征询), oldest "
            + "question first")
    public Mono<List<AppealDetail>> consultations(@PathVariable String code, @AuthenticationPrincipal Actor actor) {
        requireStaff(actor, code, "read consultations");
        return work.openConsultations(code).map(found -> found.stream().map(AppealDetail::of).toList());
    }

    @PostMapping(path = "/api/v1/departments/{code}/consultations/{id}/answer", consumes = "application/json")
    @Operation(summary = "A consulted department answers the triage unit: is this appeal ours, and why")
    public Mono<AppealDetail> answer(@PathVariable String code, @PathVariable String id,
                                     @RequestBody WorkRequests.Reply body, @AuthenticationPrincipal Actor actor) {
        requireStaff(actor, code, "answer consultations");
        return work.reply(code, id, body, actor.id()).map(AppealDetail::of);
    }

    @PostMapping(path = "/api/v1/triage/{id}/consultations", consumes = "application/json")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "The triage unit asks departments whether an appeal in triage is theirs (征询)")
    public Mono<AppealDetail> consult(@PathVariable String id, @RequestBody WorkRequests.Question body,
                                      @AuthenticationPrincipal Actor actor) {
        return work.consult(id, body, actor.id()).map(AppealDetail::of);
    }

    private static void requireStaff(Actor actor, String code, String what) {
        if (!QueueAccess.mayWork(actor, code)) {
            throw new ForbiddenException("Only the staff of " + code + " " + what + " for it");
        }
    }
}
