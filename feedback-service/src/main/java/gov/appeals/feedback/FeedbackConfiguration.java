package gov.appeals.feedback;

import java.util.List;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

import gov.appeals.feedback.casefile.SupervisionRules;
import gov.appeals.kit.security.AccessRules;
import gov.appeals.kit.security.Roles;
import gov.appeals.reference.ReferenceData;
import gov.appeals.reference.calendar.Allowance;
import gov.appeals.reference.calendar.DeadlinePolicy;

/** The settings the clocks, ratings and supervision need, and feedback's rows of the authorization matrix. */
@Configuration(proxyBeanMethods = false)
class FeedbackConfiguration {

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
                .pathMatchers(HttpMethod.POST, "/api/v1/appeals/*/extensions").hasRole(Roles.HEAD)
                .pathMatchers(HttpMethod.POST, "/api/v1/appeals/*/extensions/*/decision").hasRole(Roles.SUPERVISOR)
                .pathMatchers(HttpMethod.POST, "/api/v1/supervision/orders", "/api/v1/supervision/orders/*/close")
                .hasRole(Roles.SUPERVISOR)
                .pathMatchers(HttpMethod.GET, "/api/v1/supervision/orders", "/api/v1/supervision/orders/*")
                .hasAnyRole(Roles.HEAD, Roles.SUPERVISOR)
                .pathMatchers(HttpMethod.GET, "/api/v1/metrics/**").hasRole(Roles.SUPERVISOR);
    }

    /**
     * {@code appeals.supervision.*}, set from the environment variables in application.yaml; allowances are written
     * {@code 30m}, {@code 2h} or {@code 5wd}. SupervisionRules says what each means.
     */
    @Bean
    SupervisionRules supervisionRules(DeadlinePolicy deadlines, ReferenceData reference,
                                      @Value("${appeals.supervision.due-soon-lead:1wd}") String dueSoonLead,
                                      @Value("${appeals.supervision.due-soon-fraction:0.25}") double dueSoonFraction,
                                      @Value("${appeals.supervision.rating-window:3wd}") String ratingWindow,
                                      @Value("${appeals.supervision.order-allowance:3wd}") String orderAllowance,
                                      @Value("${appeals.supervision.extension-limit:15wd}") String extensionLimit,
                                      @Value("${appeals.supervision.dissatisfied-limit:3}") int dissatisfiedLimit,
                                      @Value("${appeals.supervision.task-force:JD-DDZB}") String taskForce,
                                      @Value("${appeals.supervision.key-enterprises:}") List<String> keyEnterprises) {
        return new SupervisionRules(deadlines, Allowance.parse(dueSoonLead), dueSoonFraction,
                Allowance.parse(ratingWindow), Allowance.parse(orderAllowance), Allowance.parse(extensionLimit),
                dissatisfiedLimit, reference.triageUnit().code(), taskForce, keyEnterprises.stream()
                .map(String::strip).filter(code -> !code.isEmpty()).collect(Collectors.toSet()));
    }
}
