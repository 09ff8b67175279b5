package gov.appeals.intake;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import gov.appeals.intake.acceptance.CreditCode;
import gov.appeals.testsupport.Credentials;
import gov.appeals.testsupport.TestInfrastructure;
import gov.appeals.testsupport.TestIssuer;

/**
 * The service against a real Kafka broker and MongoDB wire-protocol server. Every test class extending this shares
 * one Spring context (same configuration, so the context cache reuses it); each test makes its own appeals (fresh
 * external ids), so order does not matter.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"appeals.outbox.sweep-interval=1s", "appeals.outbox.stale-after=2s",
                "appeals.outbox.full-scan-interval=2s"})
// A cold first request on a busy 2-core CI machine can outlast the default 5 s; this is no performance limit.
@AutoConfigureWebTestClient(timeout = "30s")
abstract class ServiceTestSupport {

    static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {
    };

    private static final AtomicInteger EXTERNAL_IDS = new AtomicInteger();

    /** No credentials at all. */
    @Autowired
    WebTestClient anonymous;

    /** The 12345 hotline: every request signed with its key. */
    WebTestClient http;

    /** The district supervisor, who reads every appeal (phone masked). */
    WebTestClient supervisor;

    @BeforeEach
    void credentials() {
        http = Credentials.signedBy(anonymous, "HOTLINE_12345");
        supervisor = Credentials.as(anonymous, "supervisor");
    }

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "appeal-intake");
        TestIssuer.register(registry);
    }

    /** Signed by the key of the submission's own source; by the hotline's when that is no source at all. */
    WebTestClient source(Object source) {
        return Credentials.signedBy(anonymous, TestIssuer.SourceKeys.SECRETS.containsKey(String.valueOf(source))
                ? String.valueOf(source) : "HOTLINE_12345");
    }

    private static final String CREDIT_CODE_CHARACTERS = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    /** A valid credit code no other test uses: a test reading an enterprise's appeals reads only its own. */
    static String freshCreditCode() {
        StringBuilder first17 = new StringBuilder("913101");
        ThreadLocalRandom random = ThreadLocalRandom.current();
        while (first17.length() < 17) {
            first17.append(CREDIT_CODE_CHARACTERS.charAt(random.nextInt(CREDIT_CODE_CHARACTERS.length())));
        }
        return first17 + String.valueOf(CreditCode.checkCharacter(first17.toString()));
    }

    static String nextExternalId() {
        return "GD-" + System.nanoTime() + "-" + EXTERNAL_IDS.incrementAndGet();
    }

    /** A valid submission (a sample appeal of the reference data), as a mutable map tests can spoil. */
    static Map<String, Object> appeal(String source, String externalId) {
        Map<String, Object> enterprise = new LinkedHashMap<>();
        enterprise.put("name", "上海江桥物流供应链有限公司");
        enterprise.put("creditCode", "91310114CL12TH3B1T");
        enterprise.put("contactName", "吴先生");
        enterprise.put("phone", "13078106871");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("source", source);
        body.put("externalId", externalId);
        body.put("enterprise", enterprise);
        body.put("street", "ST-ML");
        body.put("title", "流动资金贷款续贷困难");
        body.put("content", "原有500万元流动资金贷款下月到期，银行表示需要追加抵押物才能续贷。");
        return body;
    }

    WebTestClient.ResponseSpec post(Map<String, Object> body) {
        return source(body.get("source")).post().uri("/api/v1/appeals").contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    Map<String, Object> get(String id) {
        return supervisor.get().uri("/api/v1/appeals/{id}", id).exchange().expectStatus().isOk().expectBody(MAP)
                .returnResult().getResponseBody();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Object o) {
        return (List<Map<String, Object>>) o;
    }
}
