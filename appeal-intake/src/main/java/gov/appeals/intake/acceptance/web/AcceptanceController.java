package gov.appeals.intake.acceptance.web;

import java.net.URI;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import gov.appeals.events.AppealStatus;
import gov.appeals.intake.appeal.AppealAccess;
import gov.appeals.kit.security.Actor;
import gov.appeals.kit.web.ForbiddenException;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping(path = "/api/v1/appeals", produces = MediaType.APPLICATION_JSON_VALUE)
public class AcceptanceController {

    /** @param repeatOf the appeal this one repeats (重复件), null when none: the hotline links its work orders too */
    public record AcceptedResponse(String id, String number, AppealStatus status, String repeatOf) {
    }

    private final AcceptAppeal acceptAppeal;

    public AcceptanceController(AcceptAppeal acceptAppeal) {
        this.acceptAppeal = acceptAppeal;
    }

    /** 201 for a new appeal; 200 with the existing one when the source already submitted this external id. */
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    public Mono<ResponseEntity<AcceptedResponse>> submit(@RequestBody SubmitAppealRequest request,
                                                         @AuthenticationPrincipal Actor actor) {
        if (request.source() != null && !AppealAccess.speaksFor(actor, request.source())) {
            return Mono.error(new ForbiddenException("The key " + actor.id() + " signs for " + actor.source()
                    + ", not for " + request.source()));
        }
        return acceptAppeal.accept(request.toSubmission()).map(outcome -> {
            var appeal = outcome.appeal();
            var body = new AcceptedResponse(appeal.id(), appeal.number(), appeal.status(), appeal.repeatOf());
            return outcome.created()
                    ? ResponseEntity.created(URI.create("/api/v1/appeals/" + appeal.id())).body(body)
                    : ResponseEntity.ok(body);
        });
    }
}
