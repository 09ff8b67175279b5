package gov.appeals.intake;

import java.time.Duration;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

import gov.appeals.classification.CategoryModel;
import gov.appeals.intake.acceptance.Classifier;
import gov.appeals.intake.acceptance.RepeatRule;
import gov.appeals.intake.acceptance.SubmissionRules;
import gov.appeals.intake.appeal.store.AppealStore;
import gov.appeals.kit.security.AccessRules;
import gov.appeals.kit.security.Roles;
import gov.appeals.kit.web.TextRules;
import gov.appeals.reference.ReferenceData;

@Configuration(proxyBeanMethods = false)
public class IntakeConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(IntakeConfiguration.class);

    /** The bundled reference data, or a deployment's own copy from {@code APPEALS_REFERENCE_DIR}. */
    @Bean
    SubmissionRules submissionRules(ReferenceData reference, TextRules text) {
        return new SubmissionRules(reference, text);
    }

    /**
     * The category model this build trained (docs/classification.md). Its first appeal would otherwise pay for loading
     * the segmenter's dictionaries (about a second), so one is classified at startup.
     */
    @Bean
    Classifier classifier(ReferenceData reference,
                          @Value("${appeals.intake.extra-urgent-keywords:紧急,讨薪}") List<String> extraUrgentKeywords,
                          @Value("${appeals.intake.classification.min-confidence}") double minConfidence) {
        CategoryModel model = CategoryModel.bundled();
        Classifier classifier = new Classifier(reference, extraUrgentKeywords, model, minConfidence);
        Classifier.Result warmUp = classifier.classify("续贷", "流动资金贷款到期", null, null);
        LOG.info("Category model {} loaded: {} categories, minimum confidence {} (warm-up: {})", model.version(),
                model.categories().size(), minConfidence, warmUp.category());
        return classifier;
    }

    @Bean
    RepeatRule repeatRule(@Value("${appeals.intake.repeats.window}") Duration window,
                          @Value("${appeals.intake.repeats.similarity}") double similarity) {
        return new RepeatRule(window, similarity);
    }

    /**
     * Intake's rows of the authorization matrix (docs/security.md); whose appeal it is, AppealAccess decides. Open311
     * clients cannot sign, so /open311 is let through here and the GeoReport controller checks the api_key itself,
     * answering GeoReport's error body rather than a problem (docs/open311.md).
     */
    @Bean
    AccessRules intakeAccess() {
        return rules -> rules
                .pathMatchers("/open311/v2/**").permitAll()
                .pathMatchers(HttpMethod.POST, "/api/v1/appeals", "/api/v1/appeals/*/rating").hasRole(Roles.SOURCE)
                .pathMatchers(HttpMethod.GET, "/api/v1/appeals", "/api/v1/appeals/*")
                .hasAnyRole(Roles.SOURCE, Roles.CLERK, Roles.TRIAGER, Roles.SUPERVISOR)
                // People only: which of the enterprise's appeals, AppealAccess decides.
                .pathMatchers(HttpMethod.GET, "/api/v1/enterprises/*")
                .hasAnyRole(Roles.CLERK, Roles.TRIAGER, Roles.SUPERVISOR);
    }

    /** The unique source+externalId index must exist before the first appeal is accepted, so startup waits. */
    @Bean
    SmartInitializingSingleton appealIndexes(AppealStore store) {
        return () -> store.createIndexes().block(Duration.ofMinutes(1));
    }
}
