package gov.appeals.intake.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import gov.appeals.events.AppealStatus;
import gov.appeals.events.Source;
import gov.appeals.intake.acceptance.AcceptAppeal;
import gov.appeals.intake.acceptance.FieldProblem;
import gov.appeals.intake.acceptance.InvalidRequestException;
import gov.appeals.intake.appeal.AppealNotFoundException;
import gov.appeals.intake.appeal.AppealStore;
import gov.appeals.intake.rating.RateAppeal;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping(path = "/api/v1/appeals", produces = MediaType.APPLICATION_JSON_VALUE)
public class AppealController {

    public record AcceptedResponse(String id, String number, AppealStatus status) {
    }

    public record RatingResponse(String id, AppealStatus status) {
    }

    private final AcceptAppeal acceptAppeal;
    private final RateAppeal rateAppeal;
    private final AppealStore store;

    public AppealController(AcceptAppeal acceptAppeal, RateAppeal rateAppeal, AppealStore store) {
        this.acceptAppeal = acceptAppeal;
        this.rateAppeal = rateAppeal;
        this.store = store;
    }

    /** 201 for a new appeal; 200 with the existing one when the source already submitted this external id. */
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    public Mono<ResponseEntity<AcceptedResponse>> submit(@RequestBody SubmitAppealRequest request) {
        return acceptAppeal.accept(request.toSubmission()).map(outcome -> {
            var appeal = outcome.appeal();
            var body = new AcceptedResponse(appeal.id(), appeal.number(), appeal.status());
            return outcome.created()
                    ? ResponseEntity.created(URI.create("/api/v1/appeals/" + appeal.id())).body(body)
                    : ResponseEntity.ok(body);
        });
    }

    @GetMapping("/{id}")
    public Mono<AppealView> byId(@PathVariable String id) {
        return store.findById(id).map(AppealView::of)
                .switchIfEmpty(Mono.error(() -> new AppealNotFoundException(id)));
    }

    /** Lets the hotline poll by its own work-order number. */
    @GetMapping
    public Mono<AppealView> byExternalId(@RequestParam(required = false) String source,
                                         @RequestParam(required = false) String externalId) {
        List<FieldProblem> problems = new ArrayList<>();
        Source parsed = null;
        if (source == null || source.isBlank()) {
            problems.add(new FieldProblem("source", "is required"));
        } else {
            try {
                parsed = Source.valueOf(source);
            } catch (IllegalArgumentException e) {
                problems.add(new FieldProblem("source", "must be one of " + Arrays.toString(Source.values())));
            }
        }
        if (externalId == null || externalId.isBlank()) {
            problems.add(new FieldProblem("externalId", "is required"));
        }
        if (!problems.isEmpty()) {
            return Mono.error(new InvalidRequestException(problems));
        }
        return store.findByExternalId(parsed, externalId).map(AppealView::of)
                .switchIfEmpty(Mono.error(() -> new AppealNotFoundException(source + " " + externalId)));
    }

    /** 202: the rating is recorded; closing or reopening is feedback-service's decision, which follows. */
    @PostMapping(path = "/{id}/rating", consumes = MediaType.APPLICATION_JSON_VALUE)
    public Mono<ResponseEntity<RatingResponse>> rate(@PathVariable String id, @RequestBody RatingRequest request) {
        return rateAppeal.rate(id, request.toSubmission())
                .map(appeal -> ResponseEntity.status(HttpStatus.ACCEPTED)
                        .body(new RatingResponse(appeal.id(), appeal.status())));
    }
}
