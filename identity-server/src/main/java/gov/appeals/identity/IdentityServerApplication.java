package gov.appeals.identity;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The local run's OAuth2 / OpenID Connect issuer: demo users from the reference data, form login, signed JWT access
 * and ID tokens carrying {@code department}, {@code roles} and {@code name}. Local only: every demo user has the
 * same password ({@code DEMO_PASSWORD}, default {@code demo}).
 */
@SpringBootApplication
public class IdentityServerApplication {

    public static void main(String[] args) {
        SpringApplication.run(IdentityServerApplication.class, args);
    }
}
