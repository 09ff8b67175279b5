package gov.appeals.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import gov.appeals.events.AppealAccepted;
import gov.appeals.events.AppealRef;
import gov.appeals.events.Deadlines;
import gov.appeals.events.Enterprise;
import gov.appeals.events.Source;
import gov.appeals.events.Urgency;
import gov.appeals.testsupport.Credentials;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Recipients' preferences, set over HTTP and heeded by SMS and e-mail. */
class PreferencesIntegrationTest extends RunningServiceTest {

    private static final String PATH = "/api/v1/notification-preferences/{channel}/{recipient}";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** A department no other test mails. */
    private static final String DEPARTMENT = "JD-WHLY";

    /** A credit code of this test only, so no other test's enterprise is switched off. */
    static String creditCode() {
        String alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        StringBuilder code = new StringBuilder("913101");
        while (code.length() < 18) {
            code.append(alphabet.charAt(ThreadLocalRandom.current().nextInt(alphabet.length())));
        }
        return code.toString();
    }

    static AppealAccepted acceptedFor(AppealRef appeal, String creditCode) {
        return new AppealAccepted(UUID.randomUUID().toString(), appeal, 1, Events.NOW, "hotline",
                new Enterprise("上海嘉定某精密机械有限公司", creditCode, "王经理", "13078106871"), "JDZ",
                "厂区停电影响生产", "园区线路检修后一直未恢复供电，生产线停工。", "UTILITIES", Urgency.NORMAL,
                new Deadlines(Events.NOW.plus(1, ChronoUnit.DAYS), Events.NOW.plus(1, ChronoUnit.DAYS),
                        Instant.parse("2026-03-09T01:30:00Z")), null);
    }

    private JsonNode notice(String appealId, String channel, String recipient, String topic) {
        return await().atMost(PATIENCE).until(() -> {
            String body = web.get().uri("/api/v1/appeals/{id}/notifications", appealId).exchange()
                    .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
            for (JsonNode n : JSON.readTree(body)) {
                if (channel.equals(n.path("channel").asString()) && recipient.equals(n.path("recipient").asString())
                        && topic.equals(n.path("topic").asString())
                        && !List.of("PENDING", "DEFERRED").contains(n.path("state").asString())) {
                    return n;
                }
            }
            return null;
        }, n -> n != null);
    }

    @Test
    void readsTheServicesDefaultsForARecipientWithoutAPreference() {
        web.get().uri(PATH, "SMS", creditCode()).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.default").isEqualTo(true)
                .jsonPath("$.enabled").isEqualTo(true)
                .jsonPath("$.topics").isEqualTo(List.of("accepted", "answered", "rating-invitation"))
                .jsonPath("$.quietHours").isEqualTo(SMS_QUIET_START + "-" + SMS_QUIET_START.plusHours(1));
        web.get().uri(PATH, "EMAIL", "SUPERVISORS").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.default").isEqualTo(true)
                .jsonPath("$.topics").isEqualTo(List.of("ASSIGNED", "CO_HANDLING", "DUE_SOON", "OVERDUE",
                        "SUPERVISION", "DIGEST"));
    }

    @Test
    void anEnterpriseThatSwitchedSmsOffGetsNoneAndTheNoticeSaysWhy() {
        String creditCode = creditCode();
        web.put().uri(PATH, "SMS", creditCode).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"enabled\":false,\"topics\":[],\"quietHours\":\"\"}")
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.default").isEqualTo(false)
                .jsonPath("$.enabled").isEqualTo(false)
                .jsonPath("$.quietHours").isEqualTo("")
                .jsonPath("$.updatedBy").isEqualTo("supervisor");
        web.get().uri(PATH, "SMS", creditCode).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.default").isEqualTo(false);
        AppealAccepted accepted = acceptedFor(Events.appeal(Source.HOTLINE_12345), creditCode);

        kafka.publish(accepted, INTAKE);

        JsonNode notice = notice(accepted.appealId(), "SMS", "130****6871", "accepted");
        assertThat(notice.path("state").asString()).isEqualTo("SUPPRESSED");
        assertThat(notice.path("outcome").asString()).isEqualTo("preference of " + creditCode + ": SMS off");
        assertThat(smsGateway.requestsAbout(accepted.appeal().number())).isEmpty();
    }

    @Test
    void theHotlineSetsAnEnterprisesSmsPreferenceButNoDepartmentsMail() {
        var hotline = Credentials.signedBy(anonymous, "HOTLINE_12345");
        String creditCode = creditCode();
        hotline.put().uri(PATH, "SMS", creditCode).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"enabled\":true,\"topics\":[\"answered\"]}")
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.updatedBy").isEqualTo("HOTLINE_12345");
        AppealAccepted accepted = acceptedFor(Events.appeal(Source.HOTLINE_12345), creditCode);
        kafka.publish(accepted, INTAKE);
        assertThat(notice(accepted.appealId(), "SMS", "130****6871", "accepted").path("outcome").asString())
                .isEqualTo("preference of " + creditCode + ": accepted off");

        hotline.put().uri(PATH, "EMAIL", DEPARTMENT).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"enabled\":false}")
                .exchange()
                .expectStatus().isForbidden();
    }

    @Test
    void aDepartmentWithOverdueMailOffGetsNoneWhileTheSupervisorsDo() {
        var head = Credentials.as(anonymous, "head-" + DEPARTMENT);
        head.put().uri(PATH, "EMAIL", DEPARTMENT).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"enabled\":true,\"topics\":[\"ASSIGNED\",\"DUE_SOON\",\"SUPERVISION\"]}")
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.topics").isEqualTo(List.of("ASSIGNED", "DUE_SOON", "SUPERVISION"));
        AppealRef appeal = Events.appeal(Source.ONLINE_PORTAL);

        kafka.publish(MailIntegrationTest.overdue(appeal, DEPARTMENT, gov.appeals.events.ClockKind.ANSWER,
                Events.DEADLINES.answerBy()), MailIntegrationTest.SLA);

        JsonNode department = notice(appeal.appealId(), "EMAIL", "jd-whly@appeals.local", "OVERDUE");
        assertThat(department.path("state").asString()).isEqualTo("SUPPRESSED");
        assertThat(department.path("outcome").asString()).isEqualTo("preference of JD-WHLY: OVERDUE off");
        assertThat(notice(appeal.appealId(), "EMAIL", "supervisors@appeals.local", "OVERDUE").path("state")
                .asString()).isEqualTo("SENT");
        assertThat(MailIntegrationTest.mailTo("jd-whly@appeals.local"))
                .noneMatch(m -> MailIntegrationTest.subject(m).contains(appeal.number()));
    }

    @Test
    void aHeadSetsItsOwnDepartmentsMailOnly() {
        var head = Credentials.as(anonymous, "head-" + DEPARTMENT);
        head.get().uri(PATH, "EMAIL", DEPARTMENT).exchange().expectStatus().isOk();
        head.put().uri(PATH, "EMAIL", "JD-NYNC").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"enabled\":false}").exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        head.put().uri(PATH, "EMAIL", "SUPERVISORS").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"enabled\":false}").exchange().expectStatus().isForbidden();
        head.put().uri(PATH, "SMS", creditCode()).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"enabled\":false}").exchange().expectStatus().isForbidden();
        Credentials.as(anonymous, "clerk-" + DEPARTMENT).put().uri(PATH, "EMAIL", DEPARTMENT)
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"enabled\":false}").exchange()
                .expectStatus().isForbidden();
        Credentials.as(anonymous, "triager").get().uri(PATH, "EMAIL", DEPARTMENT).exchange()
                .expectStatus().isForbidden();
        anonymous.get().uri(PATH, "EMAIL", DEPARTMENT).exchange().expectStatus().isUnauthorized();
        Credentials.as(anonymous, "operator").put().uri(PATH, "EMAIL", "JD-NYNC")
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"enabled\":true}").exchange()
                .expectStatus().isOk();
    }

    @Test
    void refusesWhatIsNotAPreferenceNamingTheField() {
        String code = creditCode();
        expectProblem("SMS", code, "{\"topics\":[]}", "enabled");
        expectProblem("SMS", code, "{\"enabled\":true,\"topics\":[\"OVERDUE\"]}", "topics");
        expectProblem("EMAIL", DEPARTMENT, "{\"enabled\":true,\"topics\":[\"accepted\"]}", "topics");
        expectProblem("SMS", code, "{\"enabled\":true,\"quietHours\":\"22:00\"}", "quietHours");
        expectProblem("EMAIL", DEPARTMENT, "{\"enabled\":true,\"quietHours\":\"22:00-08:00\"}", "quietHours");
        expectProblem("SMS", code, "{\"enabled\":\"false\"}", "enabled");
        expectProblem("SMS", code, "{\"enabled\":true,\"colour\":\"red\"}", "colour");
        expectProblem("EMAIL", "NO-SUCH-UNIT", "{\"enabled\":true}", "recipient");
        expectProblem("SMS", "13800138000", "{\"enabled\":true}", "recipient");
        expectProblem("FAX", DEPARTMENT, "{\"enabled\":true}", "channel");
        web.get().uri(PATH, "SMS", code).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.default").isEqualTo(true);
    }

    private void expectProblem(String channel, String recipient, String body, String field) {
        web.put().uri(PATH, channel, recipient).contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo(field);
    }
}
