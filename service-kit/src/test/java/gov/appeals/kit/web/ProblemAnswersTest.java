package gov.appeals.kit.web;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import reactor.core.publisher.Mono;

/** What a client of any service gets when something is wrong: always a problem document, in one shape. */
@SpringBootTest(classes = ProblemAnswersTest.App.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"appeals.http.max-request-size=1KB", "appeals.http.answer-within=2s", "appeals.messaging.create-dead-letter-topic=false",
                "spring.cloud.function.definition=",
                // Nothing listens there: the identity provider is away.
                "appeals.security.issuer-uri=http://127.0.0.1:1", "appeals.security.issuer-timeout=2s"})
@AutoConfigureWebTestClient(timeout = "30s")
class ProblemAnswersTest {

    @SpringBootApplication
    static class App {

        /** The problem answers are the same whoever asks: this app lets anyone ask. */
        @org.springframework.context.annotation.Bean
        gov.appeals.kit.security.AccessRules openToAll() {
            return rules -> rules.pathMatchers("/**").permitAll();
        }

        enum Color { RED, GREEN }

        record Paint(String name, Color color) {
        }

        @RestController
        static class Endpoints {

            @PostMapping(path = "/paint", consumes = MediaType.APPLICATION_JSON_VALUE)
            Mono<Paint> paint(@RequestBody Paint paint) {
                if ("taken".equals(paint.name())) {
                    return Mono.error(new ConflictException("The name is taken", "GREEN"));
                }
                if ("bad".equals(paint.name())) {
                    return Mono.error(new InvalidRequestException(List.of(new FieldProblem("name", "is bad"))));
                }
                return Mono.just(paint);
            }

            @GetMapping("/broken")
            Mono<String> broken() {
                return Mono.error(new IllegalStateException("a bug with a secret inside"));
            }

            @GetMapping("/store-away")
            Mono<String> storeAway() {
                return Mono.error(new DataAccessResourceFailureException("timed out selecting a server"));
            }

            @GetMapping(path = "/json", produces = MediaType.APPLICATION_JSON_VALUE)
            Mono<Paint> json() {
                return Mono.just(new Paint("red", Color.RED));
            }

            @GetMapping("/stuck")
            Mono<String> stuck() {
                return Mono.never();
            }

            @GetMapping(path = "/ticks", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
            reactor.core.publisher.Flux<String> ticks() {
                return reactor.core.publisher.Flux.interval(java.time.Duration.ofMillis(700)).map(i -> "tick " + i);
            }

            @GetMapping("/missing")
            Mono<String> missing() {
                return Mono.error(new NotFoundException("No paint 42"));
            }
        }
    }

    @Autowired
    WebTestClient http;

    @Test
    void aTokenThatCannotBeCheckedBecauseTheIdentityProviderIsAwayIsA503ToRetry() throws Exception {
        var key = new com.nimbusds.jose.jwk.gen.RSAKeyGenerator(2048).keyID("k1").generate();
        var jwt = new com.nimbusds.jwt.SignedJWT(new com.nimbusds.jose.JWSHeader.Builder(
                com.nimbusds.jose.JWSAlgorithm.RS256).keyID("k1").build(),
                new com.nimbusds.jwt.JWTClaimsSet.Builder().subject("clerk-JD-SWJ").issuer("http://127.0.0.1:1")
                        .expirationTime(new java.util.Date(System.currentTimeMillis() + 60_000)).build());
        jwt.sign(new com.nimbusds.jose.crypto.RSASSASigner(key));

        http.get().uri("/nothing-here").header(HttpHeaders.AUTHORIZATION, "Bearer " + jwt.serialize()).exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().exists("Retry-After");
    }

    @Test
    void answersEveryFrameworkErrorAsAProblemDocument() {
        problem(http.get().uri("/nowhere").exchange(), 404);
        problem(http.get().uri("/paint").exchange(), 405);
        problem(http.post().uri("/paint").contentType(MediaType.TEXT_PLAIN).bodyValue("x").exchange(), 415);
        problem(http.get().uri("/json").accept(MediaType.IMAGE_PNG).exchange(), 406);
    }

    @Test
    void refusesOversizeBodiesDeclaredOrStreamedAndNonUtf8CharsetsBeforeReading() {
        problem(http.post().uri("/paint").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"name\":\"" + "x".repeat(2000) + "\"}").exchange(), 413);
        problem(http.post().uri("/paint").header(HttpHeaders.CONTENT_TYPE, "application/json;charset=ISO-8859-1")
                .bodyValue("{\"name\":\"x\"}".getBytes()).exchange(), 415);
    }

    @Test
    void closesTheConnectionAfterRefusingABodyItDidNotRead() {
        http.post().uri("/paint").contentType(MediaType.TEXT_PLAIN).bodyValue("x").exchange()
                .expectStatus().isEqualTo(415).expectHeader().valueEquals(HttpHeaders.CONNECTION, "close");
        http.post().uri("/paint").contentType(MediaType.APPLICATION_JSON).bodyValue("{\"name\":\"red\"}").exchange()
                .expectStatus().isOk().expectHeader().doesNotExist(HttpHeaders.CONNECTION);
    }

    @Test
    void namesTheFieldAndWhyForUnreadableOrInvalidBodies() {
        problem(post("{\"name\":\"a\",\"color\":\"RED\\u0000\"}"), 400)
                .jsonPath("$.errors[0].field").isEqualTo("color")
                .jsonPath("$.errors[0].message").isEqualTo("must be one of RED, GREEN");
        problem(post("{\"name\":\"\\u202Egnp.exe\"}"), 400).jsonPath("$.errors[0].field").isEqualTo("name");
        problem(post("{\"name\":\"a\",\"name\":\"b\"}"), 400).jsonPath("$.detail").value(d ->
                org.assertj.core.api.Assertions.assertThat(d.toString()).contains("Duplicate"));
        problem(post("{\"name\":\"a\",\"shade\":1}"), 400).jsonPath("$.errors[0].field").isEqualTo("shade")
                .jsonPath("$.errors[0].message").isEqualTo("is not a known property");
        problem(post("{\"name\":\"bad\"}"), 400).jsonPath("$.errors[0].field").isEqualTo("name");
    }

    @Test
    void answersConflictsWithTheCurrentStatusAndHidesUnexpectedErrors() {
        problem(post("{\"name\":\"taken\"}"), 409).jsonPath("$.currentStatus").isEqualTo("GREEN");
        problem(http.get().uri("/broken").exchange(), 500).jsonPath("$.detail").value(d ->
                org.assertj.core.api.Assertions.assertThat(d.toString()).doesNotContain("secret"));
        problem(http.get().uri("/store-away").exchange(), 503);
        http.get().uri("/store-away").exchange().expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "5");
        problem(http.get().uri("/missing").exchange(), 404).jsonPath("$.detail").isEqualTo("No paint 42");
    }

    @Test
    void aRequestLeftUnansweredIsA503ToRetryAfterTheDeadlineWhileALiveStreamStaysOpen() {
        long started = System.nanoTime();
        problem(http.get().uri("/stuck").exchange(), 503)
                .jsonPath("$.detail").value(detail -> org.assertj.core.api.Assertions.assertThat((String) detail)
                        .contains("not answered within 2 s"));
        org.assertj.core.api.Assertions.assertThat(java.time.Duration.ofNanos(System.nanoTime() - started))
                .isLessThan(java.time.Duration.ofSeconds(20));
        http.get().uri("/stuck").exchange().expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "5");

        // Past the deadline, whether the client asked for a stream (Accept) or only got one.
        for (MediaType accept : List.of(MediaType.TEXT_EVENT_STREAM, MediaType.ALL)) {
            List<String> ticks = http.get().uri("/ticks").accept(accept).exchange().expectStatus().isOk()
                    .returnResult(String.class).getResponseBody().take(5).collectList()
                    .block(java.time.Duration.ofSeconds(20));
            org.assertj.core.api.Assertions.assertThat(ticks).as("ticks with Accept %s", accept)
                    .containsExactly("tick 0", "tick 1", "tick 2", "tick 3", "tick 4");
        }
    }

    private WebTestClient.ResponseSpec post(String json) {
        return http.post().uri("/paint").contentType(MediaType.APPLICATION_JSON).bodyValue(json).exchange();
    }

    private static WebTestClient.BodyContentSpec problem(WebTestClient.ResponseSpec response, int status) {
        return response.expectStatus().isEqualTo(status)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(status);
    }
}
