package gov.appeals.dispatch.routing.web;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import gov.appeals.dispatch.routing.WhatIf;
import gov.appeals.kit.security.Actor;
import gov.appeals.kit.web.Paging;
import io.swagger.v3.oas.annotations.Operation;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/v1/routing")
public class RoutingController {

    static final int DEFAULT_PAGE_SIZE = 20;
    static final int MAX_PAGE_SIZE = 100;

    private final RuleBook book;

    public RoutingController(RuleBook book) {
        this.book = book;
    }

    @GetMapping("/rules")
    @Operation(summary = "The active version of the routing rules: its rules, who published it, when and why")
    public Mono<RoutingViews.Version> active() {
        return book.active();
    }

    @GetMapping("/rules/versions")
    @Operation(summary = "Every version of the routing rules, newest first, one page at a time, without their rules")
    public Mono<Paging.Page<RoutingViews.Summary>> versions(@RequestParam(required = false) Integer page,
                                                            @RequestParam(required = false) Integer size) {
        return book.versions(Paging.of(page, size, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE));
    }

    @GetMapping("/rules/versions/{version}")
    @Operation(summary = "One version of the routing rules with its rules")
    public Mono<RoutingViews.Version> version(@PathVariable int version) {
        return book.version(version);
    }

    @PostMapping(path = "/rules", consumes = "application/json")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Publishes a new version of the routing rules, active at once",
            description = "basedOn must be the active version: when someone published meanwhile the answer is 409 "
                    + "and nothing changes. Every later acceptance is routed by the new version.")
    public Mono<RoutingViews.Version> publish(@RequestBody RoutingRequests.Publish body,
                                              @AuthenticationPrincipal Actor actor) {
        return book.publish(body, actor.id());
    }

    @PostMapping(path = "/rules/rollback", consumes = "application/json")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Brings back the rules of an earlier version, as a new version based on it")
    public Mono<RoutingViews.Version> rollback(@RequestBody RoutingRequests.Rollback body,
                                               @AuthenticationPrincipal Actor actor) {
        return book.rollback(body, actor.id());
    }

    @PostMapping(path = "/dry-run", consumes = "application/json")
    @Operation(summary = "Where appeals (1 to 500) would go, and by which rule, under the active version, another "
            + "version or candidate rules; nothing is routed")
    public Mono<RoutingViews.DryRun> dryRun(@RequestBody RoutingRequests.DryRun body) {
        return book.dryRun(body);
    }

    @PostMapping(path = "/what-if", consumes = "application/json")
    @Operation(summary = "Replays the appeals of a period (default the last 30 days, at most 366) against "
            + "candidate rules: how many would change lead, from where to where, and how many of those were "
            + "returned or reopened")
    public Mono<WhatIf> whatIf(@RequestBody RoutingRequests.WhatIf body) {
        return book.whatIf(body);
    }
}
