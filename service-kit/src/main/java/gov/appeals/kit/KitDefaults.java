package gov.appeals.kit;

import java.io.IOException;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.PropertiesPropertySourceLoader;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.ClassPathResource;

/**
 * The kit's defaults ({@code appeals-kit-defaults.properties}) as the environment's last property source: a service's
 * own application.yaml, environment variables and test properties all override them.
 */
public class KitDefaults implements EnvironmentPostProcessor {

    static final String RESOURCE = "appeals-kit-defaults.properties";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        try {
            new PropertiesPropertySourceLoader().load("appeals-kit-defaults", new ClassPathResource(RESOURCE))
                    .forEach(environment.getPropertySources()::addLast);
        } catch (IOException e) {
            throw new IllegalStateException("The service kit's defaults could not be read", e);
        }
    }
}
