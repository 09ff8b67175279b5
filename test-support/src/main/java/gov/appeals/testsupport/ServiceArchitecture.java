package gov.appeals.testsupport;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackages;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.util.List;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The shape every service keeps, checked by package so that new classes are covered without a list of names:
 * <ul>
 *   <li>a service uses its own code, the contract ({@code gov.appeals.events}), the reference data
 *       ({@code gov.appeals.reference}) and the kit ({@code gov.appeals.kit}), and no other service's;</li>
 *   <li>per feature ({@code gov.appeals.<service>.<feature>}), the classes at the feature's root are the domain:
 *       plain Java, no framework, driver, broker client or Reactor, and none of the feature's adapters;</li>
 *   <li>adapters sit beneath their feature in {@code web}, {@code messaging} or {@code store};</li>
 *   <li>no cycles between features, nor between a feature's packages.</li>
 * </ul>
 */
public final class ServiceArchitecture {

    private static final String[] FRAMEWORKS = {"org.springframework..", "com.mongodb..", "org.bson..", "reactor..",
            "org.apache.kafka..", "io.swagger.."};

    private ServiceArchitecture() {
    }

    public static JavaClasses importService(String basePackage) {
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(basePackage);
    }

    public static List<ArchRule> rules(String basePackage) {
        return List.of(
                noClasses().that().resideInAPackage(basePackage + "..")
                        .should().dependOnClassesThat(resideInAPackage("gov.appeals..").and(resideOutsideOfPackages(
                                basePackage + "..", "gov.appeals.events..", "gov.appeals.reference..",
                                "gov.appeals.kit..")))
                        .as("the service depends on no other service's code")
                        .allowEmptyShould(true),
                noClasses().that().resideInAPackage(basePackage + ".*")
                        .should().dependOnClassesThat().resideInAnyPackage(FRAMEWORKS)
                        .orShould().dependOnClassesThat().resideInAnyPackage(basePackage + ".*.web..",
                                basePackage + ".*.messaging..", basePackage + ".*.store..")
                        .as("each feature's root is its plain-Java domain")
                        .allowEmptyShould(true),
                classes().that().resideInAPackage(basePackage + ".*.*..")
                        .should().resideInAnyPackage(basePackage + ".*.web..", basePackage + ".*.messaging..",
                                basePackage + ".*.store..")
                        .as("adapters sit beneath their feature in web, messaging or store")
                        .allowEmptyShould(true),
                slices().matching(basePackage + ".(*)..").should().beFreeOfCycles()
                        .as("no cycles between features"),
                slices().matching(basePackage + ".(**)").should().beFreeOfCycles()
                        .as("no cycles between packages"));
    }

    /** Checks every rule, reporting all violations together. */
    public static void verify(String basePackage) {
        JavaClasses classes = importService(basePackage);
        StringBuilder failures = new StringBuilder();
        for (ArchRule rule : rules(basePackage)) {
            var result = rule.evaluate(classes);
            if (result.hasViolation()) {
                failures.append(result.getFailureReport().toString()).append("\n");
            }
        }
        if (!failures.isEmpty()) {
            throw new AssertionError(failures.toString());
        }
    }
}
