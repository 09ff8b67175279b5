package gov.appeals.dispatch.queue.web;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import gov.appeals.dispatch.queue.TriageDecision;
import gov.appeals.kit.security.Actor;
import reactor.core.publisher.Mono;

@RestController
public class TriageController {

    private final TriageDesk desk;

    public TriageController(TriageDesk desk) {
        this.desk = desk;
    }

    /** The triage unit's final decision on who leads an appeal in TRIAGE. */
    @PostMapping(path = "/api/v1/triage/{id}/assignment", consumes = "application/json")
    public Mono<QueueItem> assign(@PathVariable String id, @RequestBody TriageAssignmentRequest body,
                                  @AuthenticationPrincipal Actor actor) {
        return desk.decide(id, new TriageDecision(body.lead(), body.coHandlers(), body.reason(), actor.id()))
                .map(QueueItem::of);
    }
}
