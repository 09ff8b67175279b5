package gov.appeals.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Every refusal is an application/problem+json answer that says what to fix; none is a 500. */
class HttpErrorsTest extends ServiceTestSupport {

    @Test
    void rejectsAnEmptySubmissionNamingEveryMissingField() {
        expectFieldErrors(postJson("{}"), "source", "externalId", "enterprise", "street", "title", "content");
    }

    @Test
    void rejectsMalformedFieldsNamingEachOne() {
        Map<String, Object> body = appeal("HOTLINE_12345", "GD 1/2");
        Map<String, Object> enterprise = map(body.get("enterprise"));
        enterprise.put("name", "名".repeat(101));
        enterprise.put("creditCode", "91310114CL12TH3B1U");
        enterprise.put("phone", "12345678901");
        body.put("street", "ST-NOWHERE");
        body.put("category", "WEATHER");
        body.put("content", "长".repeat(4001));
        expectFieldErrors(post(body), "externalId", "enterprise.name", "enterprise.creditCode", "enterprise.phone",
                "street", "content", "category");
    }

    @Test
    void acceptsTheLongestAllowedContentAndALandline() {
        Map<String, Object> body = appeal("STREET_CENTRE", nextExternalId());
        body.put("content", "长".repeat(4000));
        map(body.get("enterprise")).put("phone", "021-12345678");
        String id = (String) post(body).expectStatus().isCreated().expectBody(MAP).returnResult().getResponseBody()
                .get("id");
        assertThat(map(get(id).get("enterprise"))).containsEntry("phone", "021*****5678");
    }

    @Test
    void refusesUnknownPropertiesAtAnyDepth() {
        Map<String, Object> body = appeal("HOTLINE_12345", nextExternalId());
        body.put("priority", "high");
        expectFieldErrors(post(body), "priority");

        Map<String, Object> nested = appeal("HOTLINE_12345", nextExternalId());
        map(nested.get("enterprise")).put("address", "嘉定区");
        expectFieldErrors(post(nested), "enterprise.address");
    }

    @Test
    void refusesANumberWhereTextBelongs() {
        Map<String, Object> body = appeal("HOTLINE_12345", nextExternalId());
        body.put("title", 123);
        expectFieldErrors(post(body), "title");

        Map<String, Object> nested = appeal("HOTLINE_12345", nextExternalId());
        map(nested.get("enterprise")).put("phone", 13078106871L);
        expectFieldErrors(post(nested), "enterprise.phone");
    }

    @Test
    void refusesNumbersAndUnknownNamesForEnums() {
        Map<String, Object> numeric = appeal("HOTLINE_12345", nextExternalId());
        numeric.put("source", 0);
        expectFieldErrors(post(numeric), "source");

        Map<String, Object> unknown = appeal("FAX", nextExternalId());
        expectFieldErrors(post(unknown), "source");

        Map<String, Object> urgency = appeal("HOTLINE_12345", nextExternalId());
        urgency.put("urgency", 1);
        expectFieldErrors(post(urgency), "urgency");
    }

    @Test
    void refusesTextOrNumbersForABoolean() {
        String id = UUID.randomUUID().toString();
        expectFieldErrors(rateJson(id, "{\"rating\":\"SATISFIED\",\"resolved\":\"1\"}"), "resolved");
        expectFieldErrors(rateJson(id, "{\"rating\":\"SATISFIED\",\"resolved\":\"true\"}"), "resolved");
        expectFieldErrors(rateJson(id, "{\"rating\":\"SATISFIED\",\"resolved\":1}"), "resolved");
        expectFieldErrors(rateJson(id, "{\"rating\":2}"), "rating");
    }

    @Test
    void answersUnreadableJsonWith400() {
        expectProblem(postJson("{\"source\": \"HOTLINE_12345\", "), HttpStatus.BAD_REQUEST);
        expectProblem(postJson("[1, 2]"), HttpStatus.BAD_REQUEST);
    }

    @Test
    void answersUnknownAppealsAndPathsWith404() {
        expectProblem(http.get().uri("/api/v1/appeals/{id}", UUID.randomUUID()).exchange(), HttpStatus.NOT_FOUND);
        expectProblem(http.get().uri("/api/v1/nothing-here").exchange(), HttpStatus.NOT_FOUND);
        expectProblem(http.get().uri("/api/v1/appeals?source=HOTLINE_12345&externalId=GD-never-seen").exchange(),
                HttpStatus.NOT_FOUND);
    }

    @Test
    void requiresBothParametersToFindAnAppealByItsExternalId() {
        expectFieldErrors(http.get().uri("/api/v1/appeals").exchange(), "source", "externalId");
        expectFieldErrors(http.get().uri("/api/v1/appeals?source=FAX&externalId=GD1").exchange(), "source");
    }

    @Test
    void answersAnUnsupportedMethodWith405() {
        expectProblem(http.delete().uri("/api/v1/appeals/{id}", UUID.randomUUID()).exchange(),
                HttpStatus.METHOD_NOT_ALLOWED);
        expectProblem(http.put().uri("/api/v1/appeals").contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange(), HttpStatus.METHOD_NOT_ALLOWED);
    }

    @Test
    void answersAnUnsupportedContentTypeWith415() {
        expectProblem(http.post().uri("/api/v1/appeals").contentType(MediaType.TEXT_PLAIN).bodyValue("hello")
                .exchange(), HttpStatus.UNSUPPORTED_MEDIA_TYPE);
    }

    @Test
    void refusesADeclaredOversizeBodyWith413() {
        Map<String, Object> body = appeal("HOTLINE_12345", nextExternalId());
        body.put("content", "长".repeat(30_000));
        expectProblem(post(body), HttpStatus.CONTENT_TOO_LARGE)
                .jsonPath("$.detail").value(d -> assertThat(d.toString()).contains("65536"));
    }

    @Test
    void refusesAStreamedOversizeBodyWith413() {
        byte[] chunk = ("{\"title\":\"" + "x".repeat(16 * 1024)).getBytes(StandardCharsets.UTF_8);
        Flux<DataBuffer> chunks = Flux.range(0, 8).map(i -> DefaultDataBufferFactory.sharedInstance
                .wrap(i == 0 ? chunk : "x".repeat(16 * 1024).getBytes(StandardCharsets.UTF_8)));
        expectProblem(http.post().uri("/api/v1/appeals").contentType(MediaType.APPLICATION_JSON)
                .body(chunks, DataBuffer.class).exchange(), HttpStatus.CONTENT_TOO_LARGE);
    }

    @Test
    void acceptsConcurrentIdenticalSubmissionsAsOneAppeal() {
        Map<String, Object> body = appeal("SERVICE_COMMISSIONER", nextExternalId());
        List<Map.Entry<Integer, Object>> answers = Flux.range(0, 6)
                .flatMap(i -> Mono.fromCallable(() -> {
                    var result = post(body).expectBody(MAP).returnResult();
                    return Map.entry(result.getStatus().value(), result.getResponseBody().get("id"));
                }).subscribeOn(Schedulers.boundedElastic()))
                .collectList().block();
        assertThat(answers).extracting(Map.Entry::getValue).containsOnly(answers.get(0).getValue());
        assertThat(answers).extracting(Map.Entry::getKey).containsOnly(201, 200)
                .filteredOn(status -> status == 201).hasSize(1);
    }

    @Test
    void exposesHealthMetricsAndTheApiDocumentOnly() {
        http.get().uri("/actuator/health").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.status").isEqualTo("UP");
        http.get().uri("/actuator/prometheus").exchange().expectStatus().isOk();
        http.get().uri("/v3/api-docs").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.paths['/api/v1/appeals/{id}/rating']").exists();
        expectProblem(http.get().uri("/actuator/env").exchange(), HttpStatus.NOT_FOUND);
    }

    private WebTestClient.ResponseSpec postJson(String json) {
        return http.post().uri("/api/v1/appeals").contentType(MediaType.APPLICATION_JSON).bodyValue(json).exchange();
    }

    private WebTestClient.ResponseSpec rateJson(String id, String json) {
        return http.post().uri("/api/v1/appeals/{id}/rating", id).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(json).exchange();
    }

    private static WebTestClient.BodyContentSpec expectProblem(WebTestClient.ResponseSpec response, HttpStatus status) {
        return response.expectStatus().isEqualTo(status)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(status.value());
    }

    private static void expectFieldErrors(WebTestClient.ResponseSpec response, String... fields) {
        Consumer<Object> sameFields = f -> assertThat(f).asInstanceOf(
                org.assertj.core.api.InstanceOfAssertFactories.LIST).containsExactlyInAnyOrder((Object[]) fields);
        expectProblem(response, HttpStatus.BAD_REQUEST).jsonPath("$.errors[*].field").value(sameFields);
    }
}
