package gov.appeals.feedback;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import gov.appeals.events.AppealRef;
import gov.appeals.events.AppealStatus;
import gov.appeals.testsupport.Credentials;

/** A case is its lead's to answer, its co-handlers' and the district's to read, and nobody else's to see. */
class CaseAccessIntegrationTest extends FeedbackServiceTestBase {

    @Test
    void onlyTheLeadAnswersCoHandlersReadAndOtherDepartmentsDoNotSeeTheCase() {
        AppealRef appeal = newAppeal();
        publishAssigned(appeal);
        publishSigned(appeal);
        awaitCase(appeal.appealId(), AppealStatus.SIGNED);
        String id = appeal.appealId();

        WebTestClient otherDepartment = Credentials.as(anonymous, "head-JD-CZ");
        otherDepartment.get().uri("/api/v1/appeals/{id}/case", id).exchange().expectStatus().isNotFound();
        answer(otherDepartment, id).expectStatus().isNotFound();

        WebTestClient coHandler = Credentials.as(anonymous, "clerk-SHJD-STAT");
        coHandler.get().uri("/api/v1/appeals/{id}/case", id).exchange().expectStatus().isOk();
        answer(coHandler, id).expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);

        Credentials.as(anonymous, "triager").get().uri("/api/v1/appeals/{id}/case", id).exchange()
                .expectStatus().isOk();
        answer(Credentials.as(anonymous, "supervisor"), id).expectStatus().isForbidden();
        Credentials.as(anonymous, "operator").get().uri("/api/v1/appeals/{id}/case", id).exchange()
                .expectStatus().isForbidden();
        anonymous.get().uri("/api/v1/appeals/{id}/case", id).exchange().expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);

        answer(Credentials.as(anonymous, "clerk-" + LEAD), id).expectStatus().isOk();
        awaitCase(id, AppealStatus.RESPONDED);
    }

    private static WebTestClient.ResponseSpec answer(WebTestClient client, String id) {
        return client.post().uri("/api/v1/appeals/{id}/answer", id).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("result", "RESOLVED", "text", "已办理")).exchange();
    }
}
