package gov.appeals.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import gov.appeals.events.AppealRef;
import gov.appeals.events.AppealStatus;
import reactor.core.publisher.Flux;
import tools.jackson.databind.json.JsonMapper;

/** What a client of the HTTP API sees when it gets something wrong: always a problem+json naming the cause. */
class HttpContractIntegrationTest extends FeedbackServiceTestBase {

    @Autowired
    JsonMapper jsonMapper;

    private WebTestClient.ResponseSpec postAnswer(String appealId, String json) {
        return http.post().uri("/api/v1/appeals/{id}/answer", appealId).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(json).exchange();
    }

    private static void isProblem(WebTestClient.ResponseSpec response, int status) {
        response.expectStatus().isEqualTo(status)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    private void rejectsField(String json, String field) {
        WebTestClient.ResponseSpec response = postAnswer("any-appeal", json);
        isProblem(response, 400);
        response.expectBody()
                .jsonPath("$.status").isEqualTo(400)
                .jsonPath("$.errors[0].field").isEqualTo(field)
                .jsonPath("$.errors[0].message").isNotEmpty();
    }

    @Test
    void unknownAppealIsNotFound() {
        WebTestClient.ResponseSpec get = http.get().uri("/api/v1/appeals/{id}/case", "no-such-appeal").exchange();
        isProblem(get, 404);
        get.expectBody().jsonPath("$.detail").isEqualTo("No case for appeal no-such-appeal");

        isProblem(postAnswer("no-such-appeal", "{\"result\":\"RESOLVED\",\"text\":\"Done\"}"), 404);
    }

    @Test
    void unknownPathIsNotFound() {
        isProblem(http.get().uri("/api/v1/nothing-here").exchange(), 404);
    }

    @Test
    void wrongMethodIsNotAllowed() {
        isProblem(http.delete().uri("/api/v1/appeals/{id}/answer", "a-1").exchange(), 405);
    }

    @Test
    void bodyThatIsNotJsonIsUnsupportedMediaType() {
        isProblem(http.post().uri("/api/v1/appeals/{id}/answer", "a-1").contentType(MediaType.TEXT_PLAIN)
                .bodyValue("RESOLVED").exchange(), 415);
    }

    @Test
    void missingTextIsRefusedNamingTheField() {
        rejectsField("{\"result\":\"RESOLVED\"}", "text");
    }

    @Test
    void blankTextIsRefused() {
        rejectsField("{\"result\":\"RESOLVED\",\"text\":\"   \"}", "text");
    }

    @Test
    void textLongerThan4000CharactersIsRefused() {
        rejectsField("{\"result\":\"RESOLVED\",\"text\":\"" + "x".repeat(4001) + "\"}", "text");
    }

    @Test
    void missingResultIsRefused() {
        rejectsField("{\"text\":\"Done\"}", "result");
    }

    @Test
    void unknownResultIsRefused() {
        rejectsField("{\"result\":\"MAYBE\",\"text\":\"Done\"}", "result");
    }

    @Test
    void numberForAnEnumIsRefused() {
        rejectsField("{\"result\":0,\"text\":\"Done\"}", "result");
    }

    @Test
    void numberForAStringIsRefused() {
        rejectsField("{\"result\":\"RESOLVED\",\"text\":42}", "text");
    }

    @Test
    void booleanForAStringIsRefused() {
        rejectsField("{\"result\":\"RESOLVED\",\"text\":true}", "text");
    }

    @Test
    void unknownPropertyIsRefused() {
        rejectsField("{\"result\":\"RESOLVED\",\"text\":\"Done\",\"priority\":\"high\"}", "priority");
    }

    @Test
    void quotedBooleanIsNotABoolean() {
        record Probe(boolean urgent) {
        }
        assertThatThrownBy(() -> jsonMapper.readValue("{\"urgent\":\"1\"}", Probe.class))
                .hasMessageContaining("urgent");
        assertThatThrownBy(() -> jsonMapper.readValue("{\"urgent\":\"true\"}", Probe.class))
                .hasMessageContaining("urgent");
    }

    @Test
    void malformedJsonIsABadRequest() {
        isProblem(postAnswer("a-1", "{\"result\":"), 400);
    }

    @Test
    void declaredOversizeBodyIsRefusedBeforeReading() {
        String big = "{\"result\":\"RESOLVED\",\"text\":\"" + "x".repeat(70 * 1024) + "\"}";
        WebTestClient.ResponseSpec response = postAnswer("a-1", big);
        isProblem(response, 413);
        response.expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("65536"));
    }

    @Test
    void oversizeBodyWithoutLengthIsRefused() {
        AppealRef appeal = newAppeal();
        publishAssigned(appeal);
        publishSigned(appeal);
        awaitCase(appeal.appealId(), AppealStatus.SIGNED);
        Flux<DataBuffer> chunks = Flux.concat(
                Flux.just("{\"result\":\"RESOLVED\",\"text\":\""),
                Flux.range(0, 70).map(i -> "x".repeat(1024)),
                Flux.just("\"}"))
                .map(s -> DefaultDataBufferFactory.sharedInstance.wrap(s.getBytes(StandardCharsets.UTF_8)));

        WebTestClient.ResponseSpec response = http.post().uri("/api/v1/appeals/{id}/answer", appeal.appealId())
                .contentType(MediaType.APPLICATION_JSON).body(chunks, DataBuffer.class).exchange();

        isProblem(response, 413);
        awaitCase(appeal.appealId(), AppealStatus.SIGNED);
    }

    @Test
    void operationsEndpointsAreServed() {
        http.get().uri("/actuator/health").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
        http.get().uri("/actuator/prometheus").exchange().expectStatus().isOk();
        http.get().uri("/v3/api-docs").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.paths['/api/v1/appeals/{id}/answer'].post").exists();
        http.get().uri("/actuator/env").exchange().expectStatus().isNotFound();
    }
}
