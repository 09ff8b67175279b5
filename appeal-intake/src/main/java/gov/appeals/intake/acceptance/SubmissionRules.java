package gov.appeals.intake.acceptance;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import gov.appeals.kit.web.FieldProblem;
import gov.appeals.kit.web.TextRules;
import gov.appeals.reference.ReferenceData;

/** What a submission must satisfy to be accepted (受理); every broken rule is reported, not just the first. */
public final class SubmissionRules {

    private static final Pattern EXTERNAL_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private final ReferenceData reference;
    private final TextRules text;

    public SubmissionRules(ReferenceData reference, TextRules text) {
        this.reference = reference;
        this.text = text;
    }

    public List<FieldProblem> check(Submission s) {
        List<FieldProblem> problems = new ArrayList<>();
        if (s.source() == null) {
            problems.add(new FieldProblem("source", "is required"));
        }
        requireValid(problems, "externalId", s.externalId(), id -> EXTERNAL_ID.matcher(id).matches(),
                "must be 1 to 64 letters, digits, '-' or '_'");
        Submission.Applicant e = s.enterprise();
        if (e == null) {
            problems.add(new FieldProblem("enterprise", "is required"));
        } else {
            text.requireShort(problems, "enterprise.name", e.name());
            requireValid(problems, "enterprise.creditCode", e.creditCode(), CreditCode::isValid,
                    "is not a valid unified social credit code (GB 32100-2015)");
            text.requireShort(problems, "enterprise.contactName", e.contactName());
            requireValid(problems, "enterprise.phone", e.phone(), PhoneNumber::isValid,
                    "must be a mainland mobile number or a landline like 021-12345678");
        }
        requireValid(problems, "street", s.street(), street -> reference.street(street).isPresent(),
                "is not a known street code");
        text.requireShort(problems, "title", s.title());
        text.requireLong(problems, "content", s.content());
        if (s.category() != null && reference.category(s.category()).isEmpty()) {
            problems.add(new FieldProblem("category", "is not a known category code"));
        }
        return problems;
    }

    /** A required field that must also be {@code valid}; {@code otherwise} says what it must be. */
    private static void requireValid(List<FieldProblem> problems, String field, String value, Predicate<String> valid,
                                     String otherwise) {
        if (value == null) {
            problems.add(new FieldProblem(field, "is required"));
        } else if (!valid.test(value)) {
            problems.add(new FieldProblem(field, otherwise));
        }
    }
}
