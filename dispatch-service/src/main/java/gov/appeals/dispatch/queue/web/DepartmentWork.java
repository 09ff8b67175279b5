package gov.appeals.dispatch.queue.web;

import static gov.appeals.dispatch.queue.ReturnAppeal.Request;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import org.springframework.stereotype.Service;

import gov.appeals.dispatch.queue.AppealNotFoundException;
import gov.appeals.dispatch.queue.Assignment;
import gov.appeals.dispatch.queue.CoHandling;
import gov.appeals.dispatch.queue.Consultation;
import gov.appeals.dispatch.queue.OpenWork;
import gov.appeals.dispatch.queue.ReturnAppeal;
import gov.appeals.dispatch.queue.Transition;
import gov.appeals.dispatch.queue.TransferAppeal;
import gov.appeals.dispatch.queue.Trail;
import gov.appeals.dispatch.queue.UnknownUnitException;
import gov.appeals.dispatch.queue.store.AssignmentDocument;
import gov.appeals.dispatch.queue.store.AssignmentStore;
import gov.appeals.dispatch.queue.store.AssignmentStore.Change;
import gov.appeals.dispatch.routing.ActiveRules;
import gov.appeals.events.ReturnReason;
import gov.appeals.kit.outbox.OutboxRelay;
import gov.appeals.kit.web.FieldProblem;
import gov.appeals.kit.web.InvalidRequestException;
import gov.appeals.kit.web.TextRules;
import gov.appeals.reference.Department;
import gov.appeals.reference.ReferenceData;
import reactor.core.publisher.Mono;

/**
 * Department work besides signing: returns, transfers, co-handlers' input and consultations. Each is decided by its
 * domain class on the stored assignment and written with its events in one guarded write, then published.
 */
@Service
public class DepartmentWork {

    static final int MAX_ATTACHMENTS = 20;
    static final int MAX_CONSULTED = 10;

    private final ReferenceData reference;
    private final ActiveRules rules;
    private final AssignmentStore store;
    private final OpenWork openWork;
    private final OutboxRelay relay;
    private final TextRules text;
    private final Clock clock;

    public DepartmentWork(ReferenceData reference, ActiveRules rules, AssignmentStore store, OpenWork openWork,
                          OutboxRelay relay, TextRules text, Clock clock) {
        this.reference = reference;
        this.rules = rules;
        this.store = store;
        this.openWork = openWork;
        this.relay = relay;
        this.text = text;
        this.clock = clock;
    }

    public Mono<Assignment> find(String appealId) {
        return store.find(appealId).map(AssignmentDocument::assignment)
                .switchIfEmpty(Mono.error(() -> new AppealNotFoundException(appealId)));
    }

    public Mono<Assignment> returnAppeal(String unit, String appealId, WorkRequests.Return body, String staff) {
        requireUnit(unit);
        List<FieldProblem> problems = new ArrayList<>();
        ReturnReason reason = returnReason(problems, body.reason());
        text.requireLong(problems, "text", body.text());
        refuse(problems);
        String triageUnit = reference.triageUnit().code();
        return write(appealId, a -> ReturnAppeal.decide(a, new Request(unit, reason, body.text().strip(), staff),
                rules.current(), triageUnit, this::isStreet, DepartmentWork::newId, clock.instant()));
    }

    public Mono<Assignment> transfer(String unit, String appealId, WorkRequests.Transfer body, String staff) {
        requireUnit(unit);
        List<FieldProblem> problems = new ArrayList<>();
        requireKnownUnit(problems, "to", body.to());
        text.requireLong(problems, "reason", body.reason());
        refuse(problems);
        return write(appealId, a -> TransferAppeal.decide(a, new TransferAppeal.Request(unit, body.to(),
                body.reason().strip(), staff), newId(), clock.instant()));
    }

    public Mono<Trail.Input> postInput(String unit, String appealId, WorkRequests.Input body, String staff) {
        requireUnit(unit);
        List<FieldProblem> problems = new ArrayList<>();
        text.requireLong(problems, "text", body.text());
        List<String> attachments = body.attachments() == null ? List.of() : body.attachments();
        if (attachments.size() > MAX_ATTACHMENTS) {
            problems.add(new FieldProblem("attachments", "must name at most " + MAX_ATTACHMENTS + " files"));
        }
        for (int i = 0; i < attachments.size() && i < MAX_ATTACHMENTS; i++) {
            text.requireShort(problems, "attachments[" + i + "]", attachments.get(i));
        }
        refuse(problems);
        String inputId = newId();
        List<String> refs = attachments.stream().map(String::strip).toList();
        return write(appealId, a -> CoHandling.post(a, new CoHandling.Input(unit, body.text().strip(), refs, staff),
                inputId, newId(), clock.instant()))
                .map(a -> a.trail().inputs().stream().filter(i -> i.inputId().equals(inputId)).findFirst()
                        .orElseThrow());
    }

    public Mono<Assignment> consult(String appealId, WorkRequests.Question body, String triager) {
        List<FieldProblem> problems = new ArrayList<>();
        List<String> departments = body.departments() == null ? List.of() : body.departments();
        if (departments.isEmpty() || departments.size() > MAX_CONSULTED) {
            problems.add(new FieldProblem("departments", "must name 1 to " + MAX_CONSULTED + " departments"));
        }
        String triageUnit = reference.triageUnit().code();
        for (int i = 0; i < departments.size() && i < MAX_CONSULTED; i++) {
            String field = "departments[" + i + "]";
            requireKnownUnit(problems, field, departments.get(i));
            if (triageUnit.equals(departments.get(i))) {
                problems.add(new FieldProblem(field, "is the triage unit itself"));
            }
        }
        if (departments.stream().distinct().count() != departments.size()) {
            problems.add(new FieldProblem("departments", "names a department twice"));
        }
        text.requireLong(problems, "question", body.question());
        refuse(problems);
        return write(appealId, a -> Consultation.ask(a, new Consultation.Question(departments,
                body.question().strip(), triager), newId(), newId(), clock.instant()));
    }

    public Mono<Assignment> reply(String unit, String appealId, WorkRequests.Reply body, String staff) {
        requireUnit(unit);
        List<FieldProblem> problems = new ArrayList<>();
        if (body.ours() == null) {
            problems.add(new FieldProblem("ours", "is required: true when the appeal is within your remit"));
        }
        text.requireLong(problems, "text", body.text());
        refuse(problems);
        return write(appealId, a -> Consultation.answer(a, new Consultation.Reply(unit, body.ours(),
                body.text().strip(), staff), newId(), clock.instant()));
    }

    /** The appeals on which the triage unit waits for {@code unit}'s answer, oldest question first. */
    public Mono<List<Assignment>> openConsultations(String unit) {
        requireUnit(unit);
        return store.consultationsWaitingFor(unit)
                .map(AssignmentDocument::assignment)
                .flatMapIterable(a -> Consultation.openFor(a, unit).map(open -> Map.entry(open.at(), a)).stream()
                        .toList())
                .sort(Map.Entry.comparingByKey())
                .map(Map.Entry::getValue)
                .collectList();
    }

    private Mono<Assignment> write(String appealId, Function<Assignment, Transition> decide) {
        return store.change(appealId, document -> Optional.of(Change.announcing(decide.apply(
                        document.assignment()), clock.instant())))
                .switchIfEmpty(Mono.error(() -> new AppealNotFoundException(appealId)))
                .doOnNext(written -> {
                    openWork.put(OpenWork.Item.of(written.assignment()));
                    relay.publishSoon(written.id(), written.outbox());
                })
                .map(AssignmentDocument::assignment);
    }

    private boolean isStreet(String unit) {
        return reference.unit(unit).map(d -> d.level() == Department.Level.STREET).orElse(false);
    }

    private void requireUnit(String unit) {
        if (reference.unit(unit).isEmpty()) {
            throw new UnknownUnitException(unit);
        }
    }

    private void requireKnownUnit(List<FieldProblem> problems, String field, String code) {
        if (code == null || code.isBlank()) {
            problems.add(new FieldProblem(field, "is required"));
        } else if (reference.unit(code).isEmpty()) {
            problems.add(new FieldProblem(field, "is not a known department or street/town code"));
        }
    }

    private static ReturnReason returnReason(List<FieldProblem> problems, String value) {
        List<String> names = Arrays.stream(ReturnReason.values()).map(Enum::name).toList();
        if (value == null || !names.contains(value)) {
            problems.add(new FieldProblem("reason", "must be one of " + names));
            return null;
        }
        return ReturnReason.valueOf(value);
    }

    private static void refuse(List<FieldProblem> problems) {
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
    }

    private static String newId() {
        return UUID.randomUUID().toString();
    }
}
