package gov.appeals.feedback.casefile.web;

import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import gov.appeals.kit.security.Actor;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/v1/appeals/{id}")
public class CaseController {

    private final AnswerDesk desk;

    public CaseController(AnswerDesk desk) {
        this.desk = desk;
    }

    /** The lead department answers a case it signed for; repeating the same answer is answered the same way. */
    @PostMapping(path = "/answer", consumes = MediaType.APPLICATION_JSON_VALUE)
    public Mono<AnswerReceipt> answer(@PathVariable String id, @Validated @RequestBody AnswerRequest request,
                                      @AuthenticationPrincipal Actor actor) {
        return desk.answer(id, request, actor);
    }

    @GetMapping("/case")
    public Mono<CaseView> find(@PathVariable String id, @AuthenticationPrincipal Actor actor) {
        return desk.find(id, actor).map(CaseView::of);
    }
}
