package gov.appeals.intake.rating.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import gov.appeals.events.AppealStatus;
import gov.appeals.kit.security.Actor;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping(path = "/api/v1/appeals", produces = MediaType.APPLICATION_JSON_VALUE)
public class RatingController {

    public record RatingResponse(String id, AppealStatus status) {
    }

    private final RateAppeal rateAppeal;

    public RatingController(RateAppeal rateAppeal) {
        this.rateAppeal = rateAppeal;
    }

    /** 202: the rating is recorded; closing or reopening is feedback-service's decision, which follows. */
    @PostMapping(path = "/{id}/rating", consumes = MediaType.APPLICATION_JSON_VALUE)
    public Mono<ResponseEntity<RatingResponse>> rate(@PathVariable String id, @RequestBody RatingRequest request,
                                                     @AuthenticationPrincipal Actor actor) {
        return rateAppeal.rate(id, request.toSubmission(), actor)
                .map(appeal -> ResponseEntity.status(HttpStatus.ACCEPTED)
                        .body(new RatingResponse(appeal.id(), appeal.status())));
    }
}
