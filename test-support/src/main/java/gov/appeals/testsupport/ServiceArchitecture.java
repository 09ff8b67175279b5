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
 *       ({@code gov.appeals.reference}), the classification model ({@code gov.appeals.classification}) and the kit
 *       ({@code gov.appeals.kit}), and no other service's;</li>
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
                                "gov.appeals.classification..", "gov.appeals.kit..")))
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
                classes().that().resideInAPackage(basePackage)
                        .should().haveSimpleNameEndingWith("Application")
                        .orShould().haveSimpleNameEndingWith("Configuration")
                        .as("only the application and its configuration sit at the service's root")
                        .allowEmptyShould(true),
                noClasses().that().resideInAPackage(basePackage + "..")
                        .should().beAnnotatedWith("org.springframework.web.bind.annotation.RestControllerAdvice")
                        .orShould().beAnnotatedWith("org.springframework.web.bind.annotation.ControllerAdvice")
                        .as("errors are answered by the kit's problem handling, not an advice of the service")
                        .allowEmptyShould(true),
                slices().matching(basePackage + ".(*)..").should().beFreeOfCycles()
                        .as("no cycles between features"),
                slices().matching(basePackage + ".(**)").should().beFreeOfCycles()
                        .as("no cycles between packages"));
    }

    /**
     * The service's package dependencies as a Mermaid diagram, from the compiled classes: what a newcomer reads to
     * see which feature uses which.
     */
    public static String diagram(String basePackage) {
        JavaClasses classes = importService(basePackage);
        java.util.SortedSet<String> packages = new java.util.TreeSet<>();
        java.util.SortedSet<String> edges = new java.util.TreeSet<>();
        for (var javaClass : classes) {
            String from = relative(basePackage, javaClass.getPackageName());
            if (from.isEmpty()) {
                continue;
            }
            packages.add(from);
            for (var dependency : javaClass.getDirectDependenciesFromSelf()) {
                String to = relative(basePackage, dependency.getTargetClass().getPackageName());
                if (dependency.getTargetClass().getPackageName().startsWith(basePackage + ".") && !to.equals(from)) {
                    edges.add(id(from) + " --> " + id(to));
                }
            }
        }
        StringBuilder mermaid = new StringBuilder("```mermaid\nflowchart LR\n");
        packages.forEach(p -> mermaid.append("  ").append(id(p)).append("[\"").append(p).append("\"]\n"));
        edges.forEach(e -> mermaid.append("  ").append(e).append('\n'));
        return mermaid.append("```\n").toString();
    }

    /**
     * Keeps {@code docs/modules/<name>.md} in step with the code: rewrites it when it differs and fails, so that a
     * change of the package structure is committed with its diagram.
     */
    public static void documented(String basePackage, String name) throws java.io.IOException {
        java.nio.file.Path file = java.nio.file.Path.of("..", "docs", "modules", name + ".md");
        String expected = "# " + name + ": packages and their dependencies\n\n"
                + "Generated from the compiled classes by `ServiceArchitecture.documented` (the module's "
                + "`ArchitectureTest`); do not edit. Features are the packages under `" + basePackage
                + "`, each with its plain-Java domain at the root and its adapters in `web`, `messaging` and "
                + "`store`.\n\n" + diagram(basePackage);
        String actual = java.nio.file.Files.exists(file) ? java.nio.file.Files.readString(file) : "";
        if (!expected.equals(actual)) {
            java.nio.file.Files.createDirectories(file.getParent());
            java.nio.file.Files.writeString(file, expected);
            throw new AssertionError(file.normalize() + " was not in step with the code; it has been rewritten: "
                    + "commit it");
        }
    }

    private static String relative(String basePackage, String packageName) {
        return packageName.equals(basePackage) ? "" : packageName.startsWith(basePackage + ".")
                ? packageName.substring(basePackage.length() + 1) : packageName;
    }

    private static String id(String packageName) {
        return packageName.replace('.', '_');
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
