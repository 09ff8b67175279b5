package gov.appeals.intake.status.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import gov.appeals.events.Source;
import gov.appeals.intake.appeal.AppealAccess;
import gov.appeals.intake.appeal.AppealNotFoundException;
import gov.appeals.intake.appeal.store.AppealDocument;
import gov.appeals.intake.appeal.store.AppealStore;
import gov.appeals.kit.security.Actor;
import gov.appeals.kit.web.FieldProblem;
import gov.appeals.kit.web.InvalidRequestException;
import reactor.core.publisher.Mono;

/** What the hotline and the portal poll: an appeal's status and history. */
@RestController
@RequestMapping(path = "/api/v1/appeals", produces = MediaType.APPLICATION_JSON_VALUE)
public class StatusController {

    private final AppealStore store;

    public StatusController(AppealStore store) {
        this.store = store;
    }

    @GetMapping("/{id}")
    public Mono<AppealView> byId(@PathVariable String id, @AuthenticationPrincipal Actor actor) {
        return store.findById(id).flatMap(appeal -> visible(appeal, actor))
                .switchIfEmpty(Mono.error(() -> new AppealNotFoundException(id)));
    }

    /** What the actor may see of the appeal; nothing (a 404) when it is not theirs to see. */
    private static Mono<AppealView> visible(AppealDocument appeal, Actor actor) {
        AppealAccess.View view = AppealAccess.of(actor, appeal.source(), appeal.leadDepartment(), appeal.coHandlers());
        return view == AppealAccess.View.NONE ? Mono.empty() : Mono.just(AppealView.of(appeal, view));
    }

    /** Lets the hotline poll by its own work-order number. */
    @GetMapping
    public Mono<AppealView> byExternalId(@RequestParam(required = false) String source,
                                         @RequestParam(required = false) String externalId,
                                         @AuthenticationPrincipal Actor actor) {
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
        return store.findByExternalId(parsed, externalId).flatMap(appeal -> visible(appeal, actor))
                .switchIfEmpty(Mono.error(() -> new AppealNotFoundException(source + " " + externalId)));
    }
}
