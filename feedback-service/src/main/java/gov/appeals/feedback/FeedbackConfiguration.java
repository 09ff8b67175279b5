package gov.appeals.feedback;

import java.nio.file.Path;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

import gov.appeals.kit.security.AccessRules;
import gov.appeals.kit.security.Roles;
import gov.appeals.reference.ReferenceData;
import gov.appeals.reference.calendar.DeadlinePolicy;

/** The reference data the rating decisions need (the working calendar of the reopening clocks). */
@Configuration(proxyBeanMethods = false)
class FeedbackConfiguration {

    /** @param dir a deployment's own reference files (APPEALS_REFERENCE_DIR); blank uses the bundled ones */
    @Bean
    ReferenceData referenceData(@Value("${appeals.reference-dir:}") String dir) {
        return ReferenceData.load(dir.isBlank() ? null : Path.of(dir));
    }

    /**
     * Feedback's rows of the authorization matrix (docs/security.md); whose case it is, CaseAccess decides. The
     * metrics' rebuild is under /api/v1/ops/, the kit's operators' row.
     */
    @Bean
    AccessRules feedbackAccess() {
        return rules -> rules
                .pathMatchers(HttpMethod.POST, "/api/v1/appeals/*/answer").hasRole(Roles.CLERK)
                .pathMatchers(HttpMethod.GET, "/api/v1/appeals/*/case")
                .hasAnyRole(Roles.CLERK, Roles.TRIAGER, Roles.SUPERVISOR)
                .pathMatchers(HttpMethod.GET, "/api/v1/metrics/**").hasRole(Roles.SUPERVISOR);
    }

    @Bean
    DeadlinePolicy deadlinePolicy(ReferenceData reference) {
        return DeadlinePolicy.defaults(reference.calendar());
    }
}
