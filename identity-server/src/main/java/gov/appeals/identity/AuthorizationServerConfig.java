package gov.appeals.identity;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import gov.appeals.reference.ReferenceData;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The authorization server: OIDC on, form login for the demo users, two public clients (authorization code with
 * PKCE, no consent screen), JWTs signed with the persisted RSA key and carrying the token contract's claims.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IssuerProperties.class)
public class AuthorizationServerConfig {

    /** The command-line client (deploy/token.sh): nothing serves its redirect URI, it reads the code from there. */
    public static final String CLI_CLIENT = "appeals-cli";
    public static final String CLI_REDIRECT_URI = "http://127.0.0.1/appeals-cli/callback";
    /** The web console (a Spring OAuth2 login client). */
    public static final String CONSOLE_CLIENT = "appeals-console";

    /** The token contract the services rely on. */
    public static final String DEPARTMENT_CLAIM = "department";
    public static final String ROLES_CLAIM = "roles";
    public static final String NAME_CLAIM = "name";

    private static final Logger log = LoggerFactory.getLogger(AuthorizationServerConfig.class);

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
        http
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/error").permitAll()
                        .anyRequest().authenticated())
                .oauth2AuthorizationServer(server -> server.oidc(Customizer.withDefaults()))
                .formLogin(Customizer.withDefaults());
        return http.build();
    }

    @Bean
    AuthorizationServerSettings authorizationServerSettings(IssuerProperties properties) {
        return AuthorizationServerSettings.builder().issuer(properties.uri()).build();
    }

    @Bean
    DemoUsers demoUsers(IssuerProperties properties) {
        String dir = properties.referenceDir();
        ReferenceData reference = dir == null || dir.isBlank()
                ? ReferenceData.bundled() : ReferenceData.load(Path.of(dir));
        return DemoUsers.from(reference);
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    UserDetailsService userDetailsService(DemoUsers users, IssuerProperties properties, PasswordEncoder encoder) {
        // Every demo user shares the one password: hash it once, not once a user.
        String password = encoder.encode(properties.demoPassword());
        Collection<UserDetails> details = new ArrayList<>();
        for (DemoUser user : users.all()) {
            details.add(User.withUsername(user.username()).password(password)
                    .roles(user.roles().toArray(String[]::new)).build());
        }
        log.info("{} demo users (clerk-<unit>, head-<unit>, triager, supervisor, operator); local use only",
                details.size());
        return new InMemoryUserDetailsManager(details);
    }

    @Bean
    RegisteredClientRepository registeredClientRepository(IssuerProperties properties) {
        ClientSettings publicPkce = ClientSettings.builder()
                .requireProofKey(true)
                .requireAuthorizationConsent(false)
                .build();
        RegisteredClient cli = RegisteredClient.withId(UUID.nameUUIDFromBytes(CLI_CLIENT.getBytes()).toString())
                .clientId(CLI_CLIENT)
                .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri(CLI_REDIRECT_URI)
                .scope(OidcScopes.OPENID)
                .scope(OidcScopes.PROFILE)
                .clientSettings(publicPkce)
                .tokenSettings(TokenSettings.builder().accessTokenTimeToLive(properties.cliTokenTtl()).build())
                .build();
        // refresh_token is registered, but Spring Authorization Server gives no refresh token to a public client
        // (ClientAuthenticationMethod.NONE) in the authorization code flow: the console signs in again.
        RegisteredClient.Builder console = RegisteredClient
                .withId(UUID.nameUUIDFromBytes(CONSOLE_CLIENT.getBytes()).toString())
                .clientId(CONSOLE_CLIENT)
                .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                .scope(OidcScopes.OPENID)
                .scope(OidcScopes.PROFILE)
                .clientSettings(publicPkce)
                .tokenSettings(TokenSettings.builder().accessTokenTimeToLive(properties.consoleTokenTtl()).build());
        List<String> redirects = properties.consoleRedirectUris() == null
                ? List.of() : properties.consoleRedirectUris();
        redirects.stream().map(String::trim).filter(uri -> !uri.isEmpty()).forEach(console::redirectUri);
        return new InMemoryRegisteredClientRepository(cli, console.build());
    }

    @Bean
    JWKSource<SecurityContext> jwkSource(IssuerProperties properties) {
        RSAKey key = SigningKey.loadOrCreate(properties.keyFile());
        log.info("Signing key {} from {}", key.getKeyID(), properties.keyFile().toAbsolutePath());
        return new ImmutableJWKSet<>(new JWKSet(key));
    }

    /** Puts {@code department}, {@code roles} and {@code name} of the signed-in demo user into access and ID tokens. */
    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> tokenClaims(DemoUsers users) {
        return context -> {
            boolean accessToken = OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType());
            boolean idToken = OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue());
            if (!accessToken && !idToken) {
                return;
            }
            users.find(context.getPrincipal().getName()).ifPresent(user -> context.getClaims().claims(claims -> {
                user.departmentCode().ifPresent(department -> claims.put(DEPARTMENT_CLAIM, department));
                claims.put(ROLES_CLAIM, user.roles());
                claims.put(NAME_CLAIM, user.name());
            }));
        };
    }
}
