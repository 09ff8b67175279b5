package gov.appeals.intake.acceptance;

import gov.appeals.events.Source;
import gov.appeals.events.Urgency;

/** An appeal as the hotline or portal submits it, before validation; any field may be missing. */
public record Submission(Source source, String externalId, Applicant enterprise, String street, String title,
                         String content, String category, Urgency urgency) {

    public record Applicant(String name, String creditCode, String contactName, String phone) {
    }
}
