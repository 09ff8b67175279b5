package gov.appeals.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import gov.appeals.events.AppealAssigned;
import gov.appeals.events.AppealRef;
import gov.appeals.events.AppealSigned;
import gov.appeals.events.Deadlines;
import gov.appeals.events.Source;
import gov.appeals.kit.security.RequestSignature;
import gov.appeals.testsupport.Credentials;
import gov.appeals.testsupport.KafkaTestClient;
import gov.appeals.testsupport.TestIssuer;
import tools.jackson.databind.json.JsonMapper;

/** Who may submit, read and rate which appeal, and how a signed request that is not right is refused. */
class AccessTest extends ServiceTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String HOTLINE_KEY = TestIssuer.SourceKeys.keyId("HOTLINE_12345");
    private static final String HOTLINE_SECRET = TestIssuer.SourceKeys.SECRETS.get("HOTLINE_12345");

    private static KafkaTestClient kafka;

    @BeforeAll
    static void clients() {
        kafka = KafkaTestClient.forTestInfrastructure();
    }

    @Test
    void refusesUnsignedStaleReplayedTamperedAndUnknownKeyRequestsAndStoresNothing() {
        Map<String, Object> body = appeal("HOTLINE_12345", nextExternalId());
        byte[] json = JsonMapper.builder().build().writeValueAsBytes(body);
        long now = Instant.now().getEpochSecond();

        expect401(anonymous.post().uri("/api/v1/appeals").contentType(MediaType.APPLICATION_JSON).bodyValue(json),
                "Log in");
        expect401(signed(json, HOTLINE_KEY, HOTLINE_SECRET, now - 301, "nonce-stale-" + UUID.randomUUID(), json),
                "more than 300 s away");
        expect401(signed(json, HOTLINE_KEY, "not-the-secret", now, "nonce-wrong-" + UUID.randomUUID(), json),
                "signature does not match");
        byte[] tampered = new String(json, StandardCharsets.UTF_8).replace("流动资金", "固定资产")
                .getBytes(StandardCharsets.UTF_8);
        expect401(signed(json, HOTLINE_KEY, HOTLINE_SECRET, now, "nonce-tamper-" + UUID.randomUUID(), tampered),
                "signature does not match");
        expect401(signed(json, "no-such-key", HOTLINE_SECRET, now, "nonce-unknown-" + UUID.randomUUID(), json),
                "is not known");
        supervisor.get().uri(u -> u.path("/api/v1/appeals").queryParam("source", "HOTLINE_12345")
                .queryParam("externalId", body.get("externalId")).build()).exchange().expectStatus().isNotFound();

        String nonce = "nonce-once-" + UUID.randomUUID();
        signed(json, HOTLINE_KEY, HOTLINE_SECRET, now, nonce, json).exchange().expectStatus().isCreated();
        expect401(signed(json, HOTLINE_KEY, HOTLINE_SECRET, now, nonce, json), "nonce was used before");
    }

    @Test
    void aSourceKeySubmitsReadsAndRatesOnlyItsOwnSourcesAppeals() {
        Map<String, Object> portalAppeal = appeal("ONLINE_PORTAL", nextExternalId());
        http.post().uri("/api/v1/appeals").contentType(MediaType.APPLICATION_JSON).bodyValue(portalAppeal)
                .exchange().expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        String id = (String) post(portalAppeal).expectStatus().isCreated().expectBody(MAP).returnResult()
                .getResponseBody().get("id");

        http.get().uri("/api/v1/appeals/{id}", id).exchange().expectStatus().isNotFound();
        http.post().uri("/api/v1/appeals/{id}/rating", id).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("rating", "SATISFIED")).exchange().expectStatus().isNotFound();
        source("ONLINE_PORTAL").get().uri("/api/v1/appeals/{id}", id).exchange().expectStatus().isOk();
        Credentials.as(anonymous, "clerk-JD-SWJ").post().uri("/api/v1/appeals")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(appeal("HOTLINE_12345", nextExternalId()))
                .exchange().expectStatus().isForbidden();
    }

    @Test
    void theHandlingDepartmentSeesTheFullContactOthersAMaskedOneAndTheHotlineNoStaffNames() {
        Map<String, Object> body = appeal("HOTLINE_12345", nextExternalId());
        var accepted = post(body).expectStatus().isCreated().expectBody(MAP).returnResult().getResponseBody();
        String id = (String) accepted.get("id");
        AppealRef ref = new AppealRef(id, (String) accepted.get("number"), Source.HOTLINE_12345,
                (String) body.get("externalId"));
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Deadlines deadlines = new Deadlines(now.plusSeconds(3600), now.plusSeconds(7200), now.plusSeconds(86400));
        kafka.publish(new AppealAssigned(UUID.randomUUID().toString(), ref, 2, now, "system:dispatch-service",
                "JD-SCJG", List.of("JD-SWJ"), "REGISTRATION", "rule:category:REGISTRATION", "规则", deadlines),
                "/appeals/dispatch-service");
        kafka.publish(new AppealSigned(UUID.randomUUID().toString(), ref, 3, now.plusSeconds(1),
                "staff:clerk-JD-SCJG", "JD-SCJG", true), "/appeals/dispatch-service");
        await().atMost(WAIT).untilAsserted(() -> assertThat(get(id)).containsEntry("status", "SIGNED"));

        assertThat(phone(Credentials.as(anonymous, "clerk-JD-SCJG"), id)).isEqualTo("13078106871");
        assertThat(phone(Credentials.as(anonymous, "head-JD-SWJ"), id)).isEqualTo("13078106871");
        assertThat(phone(supervisor, id)).isEqualTo("130****6871");
        assertThat(phone(Credentials.as(anonymous, "triager"), id)).isEqualTo("130****6871");
        Credentials.as(anonymous, "clerk-JD-CZ").get().uri("/api/v1/appeals/{id}", id).exchange()
                .expectStatus().isNotFound();
        Credentials.as(anonymous, "operator").get().uri("/api/v1/appeals/{id}", id).exchange()
                .expectStatus().isForbidden();

        var hotlineView = http.get().uri("/api/v1/appeals/{id}", id).exchange().expectStatus().isOk()
                .expectBody(MAP).returnResult().getResponseBody();
        assertThat(list(hotlineView.get("timeline"))).extracting(t -> t.get("status"), t -> t.get("actor"))
                .contains(org.assertj.core.groups.Tuple.tuple("SIGNED", null),
                        org.assertj.core.groups.Tuple.tuple("ACCEPTED", "hotline"));
        assertThat(list(get(id).get("timeline"))).extracting(t -> t.get("actor")).contains("staff:clerk-JD-SCJG");
    }

    @Test
    void refusesATokenOfAnotherIssuerAndAnExpiredOne() {
        for (String token : List.of(
                TestIssuer.start().token("supervisor", "http://127.0.0.1:1/elsewhere", Instant.now().plusSeconds(60)),
                TestIssuer.start().token("supervisor", TestIssuer.start().issuer(), Instant.now().minusSeconds(120)))) {
            anonymous.get().uri("/api/v1/appeals/{id}", UUID.randomUUID()).header("Authorization", "Bearer " + token)
                    .exchange().expectStatus().isUnauthorized()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).contains("access token"));
        }
    }

    private String phone(WebTestClient client, String id) {
        var view = client.get().uri("/api/v1/appeals/{id}", id).exchange().expectStatus().isOk().expectBody(MAP)
                .returnResult().getResponseBody();
        return (String) map(view.get("enterprise")).get("phone");
    }

    private WebTestClient.RequestHeadersSpec<?> signed(byte[] signedBody, String key, String secret, long timestamp,
                                                     String nonce, byte[] sentBody) {
        var spec = anonymous.post().uri("/api/v1/appeals").contentType(MediaType.APPLICATION_JSON);
        RequestSignature.headers(key, secret, "POST", "/api/v1/appeals", timestamp, nonce, signedBody)
                .forEach(spec::header);
        return spec.bodyValue(sentBody);
    }

    private static void expect401(WebTestClient.RequestHeadersSpec<?> request, String reason) {
        request.exchange().expectStatus().isEqualTo(HttpStatus.UNAUTHORIZED)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).contains(reason));
    }
}
