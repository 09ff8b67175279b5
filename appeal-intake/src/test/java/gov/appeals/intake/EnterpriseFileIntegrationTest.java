package gov.appeals.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import gov.appeals.events.AppealStatus;
import gov.appeals.events.Rating;
import gov.appeals.intake.appeal.Stage;
import gov.appeals.intake.appeal.store.AppealDocument;
import gov.appeals.testsupport.Credentials;

/** The file of one enterprise (一企一档), as supervisors and departments read it over HTTP. */
class EnterpriseFileIntegrationTest extends ServiceTestSupport {

    @Autowired
    ReactiveMongoTemplate mongo;

    /** Different problems, so that no submission here is a repeat (重复件) of another unless a test makes it one. */
    private static final List<String[]> PROBLEMS = List.of(
            new String[] {"流动资金贷款续贷困难", "原有500万元流动资金贷款下月到期，银行表示需要追加抵押物才能续贷。"},
            new String[] {"增值税发票额度不够", "电子税务局申请提高发票额度一直没有批下来，影响给客户开票。"},
            new String[] {"园区门口路灯坏了", "园区门口的路灯坏了一个多月，员工晚上下班很不安全。"},
            new String[] {"招工难想参加招聘会", "公司扩产需要招聘五十名操作工，想参加区里组织的招聘会。"});
    private int submitted;

    private String submit(String creditCode, String name) {
        Map<String, Object> body = appeal("HOTLINE_12345", nextExternalId());
        String[] problem = PROBLEMS.get(submitted++ % PROBLEMS.size());
        body.put("title", problem[0]);
        body.put("content", problem[1]);
        map(body.get("enterprise")).put("creditCode", creditCode);
        map(body.get("enterprise")).put("name", name);
        return (String) post(body).expectStatus().isCreated().expectBody(MAP).returnResult().getResponseBody()
                .get("id");
    }

    /** What dispatch and feedback would have written by now, straight into the store. */
    private void store(String id, Update update) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), update, AppealDocument.class)
                .block(Duration.ofSeconds(10));
    }

    private static WebTestClient.ResponseSpec file(WebTestClient client, String creditCode) {
        return client.get().uri("/api/v1/enterprises/{code}", creditCode).exchange();
    }

    private static Map<String, Object> readFile(WebTestClient client, String creditCode) {
        return file(client, creditCode).expectStatus().isOk().expectBody(MAP).returnResult().getResponseBody();
    }

    private static List<Object> ids(Map<String, Object> file) {
        return list(file.get("appeals")).stream().map(a -> a.get("id")).toList();
    }

    @Test
    void aSupervisorSeesEveryAppealOfTheEnterpriseOpenFirstAndNoneOfAnothers() {
        String code = freshCreditCode();
        String other = freshCreditCode();
        String first = submit(code, "上海旧名有限公司");
        String repeat = submit(code, "上海旧名有限公司");
        String newest = submit(code, "上海新名有限公司");
        String othersAppeal = submit(other, "别的企业");
        store(first, new Update().set("status", AppealStatus.CLOSED).set("leadDepartment", "JD-SCJG")
                .set("rating", new Stage.RatingGiven(Rating.SATISFIED, true, "满意", java.time.Instant.now())));
        store(repeat, new Update().set("repeatOf", first));

        Map<String, Object> file = readFile(supervisor, code);

        assertThat(file).containsEntry("creditCode", code).containsEntry("name", "上海新名有限公司")
                .containsEntry("total", 3).containsEntry("open", 2);
        assertThat(ids(file)).containsExactly(newest, repeat, first).doesNotContain(othersAppeal);
        Map<String, Object> closed = list(file.get("appeals")).get(2);
        assertThat(closed).containsEntry("status", "CLOSED").containsEntry("rating", "SATISFIED")
                .containsEntry("resolved", true).containsEntry("leadDepartment", "JD-SCJG")
                .containsEntry("repeats", List.of(repeat)).containsKeys("number", "title", "category", "acceptedAt",
                        "answerBy");
        assertThat(list(file.get("appeals")).get(1)).containsEntry("repeatOf", first)
                .containsEntry("rating", null).containsEntry("resolved", null);
        assertThat(list(file.get("byCategory"))).hasSize(3).allSatisfy(c -> assertThat(c).containsEntry("count", 1));
        assertThat(list(file.get("byYear"))).singleElement().satisfies(y -> assertThat(y).containsEntry("count", 3));
        assertThat(file.toString()).doesNotContain("13078106871", "吴先生");

        assertThat(readFile(Credentials.as(anonymous, "triager"), code)).containsEntry("total", 3);
        assertThat(ids(readFile(supervisor, other))).containsExactly(othersAppeal);
    }

    @Test
    void aDepartmentSeesOnlyTheAppealsItLeadsOrCoHandles() {
        String code = freshCreditCode();
        String led = submit(code, "上海某某有限公司");
        String coHandled = submit(code, "上海某某有限公司");
        String elsewhere = submit(code, "上海某某有限公司");
        store(led, new Update().set("leadDepartment", "JD-SCJG"));
        store(coHandled, new Update().set("leadDepartment", "JD-SWJ").set("coHandlers", List.of("JD-SCJG")));
        store(elsewhere, new Update().set("leadDepartment", "JD-SWJ"));

        Map<String, Object> file = readFile(Credentials.as(anonymous, "clerk-JD-SCJG"), code);

        assertThat(ids(file)).containsExactlyInAnyOrder(led, coHandled);
        assertThat(file).containsEntry("total", 2);
        assertThat(ids(readFile(Credentials.as(anonymous, "head-JD-SWJ"), code)))
                .containsExactlyInAnyOrder(coHandled, elsewhere);
        file(Credentials.as(anonymous, "clerk-JD-CZ"), code).expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void anEnterpriseWithoutAppealsIsNotFoundAsAProblem() {
        file(supervisor, freshCreditCode()).expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(404);
    }

    @Test
    void aMalformedCreditCodeIsABadRequestNamingTheField() {
        String code = freshCreditCode();
        String wrongCheck = code.substring(0, 17) + (code.charAt(17) == '0' ? '1' : '0');
        for (String malformed : List.of(wrongCheck, "91310114CL12TH3B1", "91310114cl12th3b1t")) {
            file(supervisor, malformed).expectStatus().isEqualTo(HttpStatus.BAD_REQUEST)
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.errors[0].field").isEqualTo("creditCode");
        }
    }

    @Test
    void aSourceSystemAndAnOperatorAreRefusedAndNobodyWithoutCredentials() {
        String code = freshCreditCode();
        submit(code, "上海某某有限公司");

        file(http, code).expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        file(Credentials.as(anonymous, "operator"), code).expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        file(anonymous, code).expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }
}
