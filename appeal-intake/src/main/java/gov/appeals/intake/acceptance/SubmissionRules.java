package gov.appeals.intake.acceptance;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import gov.appeals.events.reference.ReferenceData;

/** What a submission must satisfy to be accepted (受理); every broken rule is reported, not just the first. */
public final class SubmissionRules {

    private static final Pattern EXTERNAL_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private final ReferenceData reference;

    public SubmissionRules(ReferenceData reference) {
        this.reference = reference;
    }

    public List<FieldProblem> check(Submission s) {
        List<FieldProblem> problems = new ArrayList<>();
        if (s.source() == null) {
            problems.add(new FieldProblem("source", "is required"));
        }
        if (s.externalId() == null) {
            problems.add(new FieldProblem("externalId", "is required"));
        } else if (!EXTERNAL_ID.matcher(s.externalId()).matches()) {
            problems.add(new FieldProblem("externalId", "must be 1 to 64 letters, digits, '-' or '_'"));
        }
        Submission.Applicant e = s.enterprise();
        if (e == null) {
            problems.add(new FieldProblem("enterprise", "is required"));
        } else {
            text(problems, "enterprise.name", e.name(), 100);
            if (e.creditCode() == null) {
                problems.add(new FieldProblem("enterprise.creditCode", "is required"));
            } else if (!CreditCode.isValid(e.creditCode())) {
                problems.add(new FieldProblem("enterprise.creditCode",
                        "is not a valid unified social credit code (GB 32100-2015)"));
            }
            text(problems, "enterprise.contactName", e.contactName(), 50);
            if (e.phone() == null) {
                problems.add(new FieldProblem("enterprise.phone", "is required"));
            } else if (!PhoneNumber.isValid(e.phone())) {
                problems.add(new FieldProblem("enterprise.phone",
                        "must be a mainland mobile number or a landline like 021-12345678"));
            }
        }
        if (s.street() == null) {
            problems.add(new FieldProblem("street", "is required"));
        } else if (reference.street(s.street()).isEmpty()) {
            problems.add(new FieldProblem("street", "is not a known street code"));
        }
        text(problems, "title", s.title(), 200);
        text(problems, "content", s.content(), 4000);
        if (s.category() != null && reference.category(s.category()).isEmpty()) {
            problems.add(new FieldProblem("category", "is not a known category code"));
        }
        return problems;
    }

    private static void text(List<FieldProblem> problems, String field, String value, int max) {
        if (value == null || value.isBlank()) {
            problems.add(new FieldProblem(field, "is required"));
        } else if (value.codePointCount(0, value.length()) > max) {
            problems.add(new FieldProblem(field, "must be at most " + max + " characters"));
        }
    }
}
