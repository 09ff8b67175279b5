package gov.appeals.intake.acceptance;

import gov.appeals.events.Source;
import gov.appeals.events.Urgency;

/** An appeal as the hotline or portal submits it, before validation; any field may be missing. */
public record Submission(Source source, String externalId, Applicant enterprise, String street, String title,
                         String content, String category, Urgency urgency) {

    /** @param keyEnterprise the source marks it a key enterprise (重点企业/服务包); null when it does not say */
    public record Applicant(String name, String creditCode, String contactName, String phone, Boolean keyEnterprise) {
    }
}
