package gov.appeals.intake.acceptance.web;

import gov.appeals.events.Source;
import gov.appeals.events.Urgency;
import gov.appeals.intake.acceptance.Submission;

/** The body of {@code POST /api/v1/appeals}. Every field is checked by {@code SubmissionRules}, not here. */
public record SubmitAppealRequest(Source source, String externalId, EnterpriseRequest enterprise, String street,
                                  String title, String content, String category, Urgency urgency) {

    public record EnterpriseRequest(String name, String creditCode, String contactName, String phone,
                                    Boolean keyEnterprise) {
    }

    Submission toSubmission() {
        return new Submission(source, externalId, enterprise == null ? null
                : new Submission.Applicant(enterprise.name(), enterprise.creditCode(), enterprise.contactName(),
                enterprise.phone(), enterprise.keyEnterprise()), street, title, content, category, urgency);
    }
}
