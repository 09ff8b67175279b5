package gov.appeals.dispatch.routing.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Service;

import gov.appeals.dispatch.routing.AppealFacts;
import gov.appeals.dispatch.routing.RoutingHistory;
import gov.appeals.dispatch.routing.RoutingRule;
import gov.appeals.dispatch.routing.RoutingRules;
import gov.appeals.dispatch.routing.RuleValidation;
import gov.appeals.dispatch.routing.RuleVersion;
import gov.appeals.dispatch.routing.WhatIf;
import gov.appeals.dispatch.routing.store.RuleVersionStore;
import gov.appeals.dispatch.routing.store.StoredActiveRules;
import gov.appeals.dispatch.routing.web.RoutingViews.Outcome;
import gov.appeals.kit.web.ConflictException;
import gov.appeals.kit.web.FieldProblem;
import gov.appeals.kit.web.InvalidRequestException;
import gov.appeals.kit.web.NotFoundException;
import gov.appeals.kit.web.Paging;
import gov.appeals.kit.web.TextRules;
import gov.appeals.reference.ReferenceData;
import reactor.core.publisher.Mono;

/** The supervisor's side of the routing rules: publishing, rolling back, and trying rules before they go live. */
@Service
public class RuleBook {

    static final int MAX_DRY_RUN_APPEALS = 500;
    static final Duration DEFAULT_WHAT_IF_PERIOD = Duration.ofDays(30);
    static final Duration MAX_WHAT_IF_PERIOD = Duration.ofDays(366);

    private final RuleVersionStore store;
    private final StoredActiveRules active;
    private final RoutingHistory history;
    private final ReferenceData reference;
    private final TextRules text;
    private final Clock clock;

    public RuleBook(RuleVersionStore store, StoredActiveRules active, RoutingHistory history,
                    ReferenceData reference, TextRules text, Clock clock) {
        this.store = store;
        this.active = active;
        this.history = history;
        this.reference = reference;
        this.text = text;
        this.clock = clock;
    }

    public Mono<RoutingViews.Version> active() {
        return store.active().map(version -> RoutingViews.Version.of(version, true));
    }

    public Mono<Paging.Page<RoutingViews.Summary>> versions(Paging.Request page) {
        return store.active().map(RuleVersion::version).defaultIfEmpty(0)
                .flatMap(activeVersion -> store.list(page).map(found -> new Paging.Page<>(found.items().stream()
                        .map(v -> RoutingViews.Summary.of(v, v.version() == activeVersion)).toList(),
                        found.page(), found.size(), found.total())));
    }

    public Mono<RoutingViews.Version> version(int number) {
        return found(number).zipWith(store.active().map(RuleVersion::version))
                .map(both -> RoutingViews.Version.of(both.getT1(), both.getT1().version() == both.getT2()));
    }

    public Mono<RoutingViews.Version> publish(RoutingRequests.Publish body, String author) {
        List<FieldProblem> problems = new ArrayList<>();
        if (body.basedOn() == null) {
            problems.add(new FieldProblem("basedOn", "is required: the active version the edit started from"));
        }
        text.requireLong(problems, "why", body.why());
        List<RoutingRule> rules = candidate(problems, body.rules());
        refuse(problems);
        return store.active().flatMap(current -> {
            if (current.version() != body.basedOn()) {
                return Mono.error(stale(current, body.basedOn()));
            }
            return append(current, rules, author, body.why(), current.version());
        });
    }

    public Mono<RoutingViews.Version> rollback(RoutingRequests.Rollback body, String author) {
        List<FieldProblem> problems = new ArrayList<>();
        if (body.version() == null || body.version() < 1) {
            problems.add(new FieldProblem("version", "is required: the earlier version to bring back"));
        }
        text.requireLong(problems, "why", body.why());
        refuse(problems);
        return found(body.version()).zipWith(store.active()).flatMap(both -> {
            RuleVersion target = both.getT1();
            RuleVersion current = both.getT2();
            if (target.version() == current.version()) {
                return Mono.error(new ConflictException("Version " + target.version() + " is the active one already",
                        current.version()));
            }
            return append(current, target.rules(), author, body.why(), target.version());
        });
    }

    public Mono<RoutingViews.DryRun> dryRun(RoutingRequests.DryRun body) {
        List<FieldProblem> problems = new ArrayList<>();
        List<AppealFacts> appeals = facts(problems, body.appeals());
        if (body.version() != null && body.rules() != null) {
            problems.add(new FieldProblem("version", "cannot be given with rules: try either a version or a candidate"));
        }
        List<RoutingRule> rules = body.rules() == null ? List.of() : candidate(problems, body.rules());
        refuse(problems);
        Mono<RoutingRules> tried = body.rules() != null ? Mono.just(RoutingRules.candidate(rules, reference))
                : body.version() != null
                ? found(body.version()).map(v -> new RoutingRules(v.version(), v.rules(), reference))
                : Mono.fromSupplier(active::current);
        return tried.map(routing -> new RoutingViews.DryRun(routing.isCandidate() ? null : routing.version(),
                appeals.stream().map(facts -> Outcome.of(routing.route(facts, Set.of()))).toList()));
    }

    public Mono<WhatIf> whatIf(RoutingRequests.WhatIf body) {
        List<FieldProblem> problems = new ArrayList<>();
        List<RoutingRule> rules = candidate(problems, body.rules());
        Instant to = body.to() == null ? clock.instant() : body.to();
        Instant from = body.from() == null ? to.minus(DEFAULT_WHAT_IF_PERIOD) : body.from();
        if (!from.isBefore(to)) {
            problems.add(new FieldProblem("from", "must be before to"));
        } else if (Duration.between(from, to).compareTo(MAX_WHAT_IF_PERIOD) > 0) {
            problems.add(new FieldProblem("from", "must be at most " + MAX_WHAT_IF_PERIOD.toDays()
                    + " days before to"));
        }
        refuse(problems);
        RoutingRules candidate = RoutingRules.candidate(rules, reference);
        return Mono.fromCompletionStage(() -> history.acceptedBetween(from, to))
                .map(routed -> WhatIf.replay(from, to, routed, candidate));
    }

    private Mono<RoutingViews.Version> append(RuleVersion current, List<RoutingRule> rules, String author, String why,
                                              int basedOn) {
        RuleVersion next = new RuleVersion(current.version() + 1, rules, author, clock.instant(), why, basedOn);
        return store.insert(next)
                .switchIfEmpty(Mono.defer(() -> store.active().flatMap(now -> Mono.error(stale(now,
                        current.version())))))
                .doOnNext(active::published)
                .map(written -> RoutingViews.Version.of(written, true));
    }

    private static ConflictException stale(RuleVersion current, int basedOn) {
        return new ConflictException("The routing rules changed meanwhile: version " + current.version() + " by "
                + current.author() + " is active, not " + basedOn + "; reread the rules and edit those",
                current.version());
    }

    private Mono<RuleVersion> found(int number) {
        return store.find(number).switchIfEmpty(Mono.error(() -> new NotFoundException(
                "There is no version " + number + " of the routing rules")));
    }

    private List<RoutingRule> candidate(List<FieldProblem> problems, List<RuleBody> bodies) {
        List<FieldProblem> binding = new ArrayList<>();
        List<RoutingRule> rules = RuleBody.rules(binding, "rules", bodies, text);
        problems.addAll(binding);
        if (bodies != null) {
            problems.addAll(RuleValidation.problems("rules", rules, reference));
        }
        return rules;
    }

    private List<AppealFacts> facts(List<FieldProblem> problems, List<RoutingRequests.Appeal> appeals) {
        if (appeals == null || appeals.isEmpty() || appeals.size() > MAX_DRY_RUN_APPEALS) {
            problems.add(new FieldProblem("appeals", "must hold from 1 to " + MAX_DRY_RUN_APPEALS + " appeals"));
            return List.of();
        }
        List<AppealFacts> facts = new ArrayList<>();
        for (int i = 0; i < appeals.size(); i++) {
            RoutingRequests.Appeal appeal = appeals.get(i);
            String at = "appeals[" + i + "]";
            if (appeal == null) {
                problems.add(new FieldProblem(at, "is required"));
                continue;
            }
            text.optionalShort(problems, at + ".title", appeal.title());
            text.optionalLong(problems, at + ".content", appeal.content());
            if (appeal.source() == null) {
                problems.add(new FieldProblem(at + ".source", "is required"));
            }
            if (appeal.urgency() == null) {
                problems.add(new FieldProblem(at + ".urgency", "is required"));
            }
            String title = appeal.title() == null ? "" : appeal.title();
            String content = appeal.content() == null ? "" : appeal.content();
            facts.add(new AppealFacts(appeal.category(), appeal.street(), appeal.urgency(), appeal.source(),
                    Boolean.TRUE.equals(appeal.keyEnterprise()), title + "\n" + content));
        }
        return facts;
    }

    private static void refuse(List<FieldProblem> problems) {
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
    }
}
