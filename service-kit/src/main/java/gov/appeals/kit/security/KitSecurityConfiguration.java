package gov.appeals.kit.security;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;

import gov.appeals.kit.KitAutoConfiguration;
import gov.appeals.kit.KitProperties;
import gov.appeals.kit.web.ProblemWebExceptionHandler;
import io.netty.channel.ChannelOption;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

/**
 * Every service is an OAuth2 resource server: people send the issuer's access token; source systems sign their
 * requests instead. Sessions, cookies, form and basic login are off: each request carries its own credentials.
 */
@AutoConfiguration(after = KitAutoConfiguration.class, beforeName = {
        "org.springframework.boot.security.autoconfigure.web.reactive.ReactiveWebSecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.actuate.web.reactive.ReactiveManagementWebSecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.ReactiveUserDetailsServiceAutoConfiguration",
        "org.springframework.boot.security.oauth2.server.resource.autoconfigure.reactive.ReactiveOAuth2ResourceServerAutoConfiguration"})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@EnableWebFluxSecurity
@EnableConfigurationProperties(SecurityProperties.class)
public class KitSecurityConfiguration {

    /** Open to anyone who reaches the port (services listen on loopback or a private network). */
    static final String[] OPEN = {"/actuator/health", "/actuator/health/**", "/actuator/info", "/actuator/prometheus",
            "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**", "/webjars/**"};

    @Bean
    SecurityWebFilterChain appealsSecurity(ServerHttpSecurity http, ReactiveJwtDecoder jwtDecoder,
                                           ObjectProvider<AccessRules> rules, SecurityProperties properties,
                                           KitProperties kit, ProblemWebExceptionHandler problemWriter, Clock clock,
                                           RequestMappingHandlerMapping requestMappingHandlerMapping) {
        SecurityProblems problems = new SecurityProblems(problemWriter, (int) kit.http().maxRequestSize().toBytes());
        // Not a bean: WebFlux would run every WebFilter bean a second time outside the security chain.
        SignedRequests signedRequests = new SignedRequests(SigningKeys.parse(properties.sourceKeys()),
                new NonceWindow(properties.signatureWindow(), clock),
                (int) kit.http().maxRequestSize().toBytes(), problemWriter);
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .addFilterAt(signedRequests, SecurityWebFiltersOrder.AUTHENTICATION)
                .oauth2ResourceServer(server -> server
                        .jwt(jwt -> jwt.jwtDecoder(jwtDecoder).jwtAuthenticationConverter(
                                token -> Mono.just(new ActorAuthentication(actorOf(token)))))
                        .authenticationEntryPoint(problems.entryPoint())
                        .accessDeniedHandler(problems.deniedHandler()))
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint(problems.entryPoint())
                        .accessDeniedHandler(problems.deniedHandler()))
                .authorizeExchange(exchanges -> {
                    exchanges.pathMatchers(HttpMethod.GET, OPEN).permitAll();
                    exchanges.pathMatchers("/api/v1/ops/**").hasRole(Roles.OPERATOR);
                    rules.orderedStream().forEach(rule -> rule.authorize(exchanges));
                    exchanges.anyExchange().access(new UnlistedEndpoints(requestMappingHandlerMapping));
                })
                .build();
    }

    /** A person, from the access token; a token cannot make anyone a source system. */
    static Actor actorOf(Jwt token) {
        List<String> claimed = token.getClaimAsStringList("roles");
        Set<String> roles = claimed == null ? Set.of() : claimed.stream()
                .filter(role -> Set.of(Roles.CLERK, Roles.HEAD, Roles.TRIAGER, Roles.SUPERVISOR, Roles.OPERATOR)
                        .contains(role))
                .collect(Collectors.toSet());
        return Actor.person(token.getSubject(), token.getClaimAsString("name"), token.getClaimAsString("department"),
                roles);
    }

    /**
     * The issuer's keys, fetched on the first request that needs them (a service starts while the issuer is away)
     * and again when a token names a key not seen yet (the issuer rotated its keys).
     */
    @Bean
    ReactiveJwtDecoder jwtDecoder(SecurityProperties properties) {
        Duration timeout = properties.issuerTimeout();
        WebClient web = WebClient.builder().clientConnector(new ReactorClientHttpConnector(HttpClient.create()
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) timeout.toMillis())
                .responseTimeout(timeout))).build();
        String issuer = String.valueOf(properties.issuerUri());
        return new SupplierReactiveJwtDecoder(() -> NimbusReactiveJwtDecoder.withIssuerLocation(issuer)
                .webClient(web).build());
    }

    @Bean
    IssuerUnavailable issuerUnavailable(ProblemWebExceptionHandler problems) {
        return new IssuerUnavailable(problems);
    }

    /** Swagger UI offers both ways in: a bearer token, and the four headers of a signed request. */
    @Bean
    OpenApiCustomizer securitySchemes() {
        return api -> {
            Components components = api.getComponents() == null ? new Components() : api.getComponents();
            components.addSecuritySchemes("bearer", new SecurityScheme().type(SecurityScheme.Type.HTTP)
                    .scheme("bearer").bearerFormat("JWT")
                    .description("An access token of the identity provider (locally: deploy/token.sh <user>)"));
            components.addSecuritySchemes("signature", new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                    .in(SecurityScheme.In.HEADER).name(RequestSignature.SIGNATURE)
                    .description("Source systems: HMAC-SHA256 request signature with X-Appeals-Key, "
                            + "X-Appeals-Timestamp and X-Appeals-Nonce (docs/security.md)"));
            api.components(components);
            api.addSecurityItem(new SecurityRequirement().addList("bearer"));
            api.addSecurityItem(new SecurityRequirement().addList("signature"));
        };
    }
}
