package gov.appeals.dispatch.queue.web;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import gov.appeals.dispatch.queue.Assignment;
import gov.appeals.dispatch.queue.QueueFilter;
import gov.appeals.dispatch.queue.QueueRole;
import gov.appeals.events.AppealStatus;
import gov.appeals.events.Source;
import gov.appeals.events.Urgency;
import gov.appeals.kit.security.Actor;
import gov.appeals.kit.web.FieldProblem;
import gov.appeals.kit.web.InvalidRequestException;
import gov.appeals.kit.web.SafeText;
import gov.appeals.reference.ReferenceData;

/**
 * The filter query parameters of a queue (the page and the stream take the same), read strictly: a value that is
 * not one of the known ones is a 400 naming its parameter, never an empty queue that looks like no work.
 */
record QueueQuery(String status, String role, String urgency, String due, String category, String street,
                  String source, String text, String signedBy) {

    static final int TEXT_MAX = 100;
    static final String ME = "me";

    QueueFilter filter(Actor actor, ReferenceData reference, Duration dueSoonWithin) {
        List<FieldProblem> problems = new ArrayList<>();
        AppealStatus onlyStatus = oneOf(problems, "status", status, Assignment.openStatuses().stream()
                .map(Enum::name).sorted().toList(), AppealStatus::valueOf);
        QueueRole onlyRole = oneOf(problems, "role", role, names(QueueRole.values()), QueueRole::valueOf);
        Urgency onlyUrgency = oneOf(problems, "urgency", urgency, names(Urgency.values()), Urgency::valueOf);
        QueueFilter.Due onlyDue = oneOf(problems, "due", due, names(QueueFilter.Due.values()),
                QueueFilter.Due::valueOf);
        Source onlySource = oneOf(problems, "source", source, names(Source.values()), Source::valueOf);
        if (category != null && reference.category(category).isEmpty()) {
            problems.add(new FieldProblem("category", "is not a known category"));
        }
        if (street != null && reference.street(street).isEmpty()) {
            problems.add(new FieldProblem("street", "is not a known street or town"));
        }
        String search = text == null ? null : text.strip();
        if (text != null) {
            String unsafe = SafeText.problem(text);
            if (search.isEmpty()) {
                problems.add(new FieldProblem("text", "must not be blank"));
            } else if (unsafe != null || text.chars().anyMatch(c -> c == '\n' || c == '\r' || c == '\t')) {
                problems.add(new FieldProblem("text", unsafe != null ? unsafe : "must not contain control characters"));
            } else if (search.codePointCount(0, search.length()) > TEXT_MAX) {
                problems.add(new FieldProblem("text", "must be at most " + TEXT_MAX + " characters"));
            }
        }
        if (signedBy != null && !signedBy.equals(ME)) {
            problems.add(new FieldProblem("signedBy", "must be " + ME));
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        return new QueueFilter(onlyStatus == null ? null : Set.of(onlyStatus), onlyRole, onlyUrgency, onlyDue,
                category, street, onlySource, search, signedBy == null ? null : actor.id(), dueSoonWithin);
    }

    private static <E> E oneOf(List<FieldProblem> problems, String field, String value, List<String> allowed,
                               Function<String, E> parse) {
        if (value == null) {
            return null;
        }
        if (!allowed.contains(value)) {
            problems.add(new FieldProblem(field, "must be one of " + allowed));
            return null;
        }
        return parse.apply(value);
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }
}
