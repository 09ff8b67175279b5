package gov.appeals.deploy;

import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Path;

/**
 * Where the launcher's own code, its library jars and the service jars are. Both ways it runs share one shape:
 * {@code target/appeals-local.jar} (or {@code target/classes} under the tests) beside {@code target/lib} and
 * {@code target/services} (the four service jars and the issuer's).
 */
public record Layout(Path code, Path libDir, Path servicesDir) {

    /** The issuer's artifact id, also its part name and log file name. */
    public static final String ISSUER = "identity-server";

    public static Layout ofRunningCode() {
        try {
            Path code = Path.of(LocalPlatform.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path base = code.getParent();
            return new Layout(code, base.resolve("lib"), base.resolve("services"));
        } catch (URISyntaxException e) {
            throw new IllegalStateException("Cannot locate the launcher's code", e);
        }
    }

    /** The class path of the broker, store and receiver processes: this code plus every library jar. */
    public String classpath() {
        return code + File.pathSeparator + libDir.resolve("*");
    }

    public Path serviceJar(Service service) {
        return servicesDir.resolve(service.artifactId() + ".jar");
    }

    /** The OAuth2/OIDC issuer's fat jar, copied beside the services'. */
    public Path issuerJar() {
        return servicesDir.resolve(ISSUER + ".jar");
    }
}
