package gov.appeals.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import gov.appeals.events.AppealAccepted;
import gov.appeals.events.Classification;
import gov.appeals.events.Topics;
import gov.appeals.intake.appeal.store.AppealDocument;
import gov.appeals.testsupport.KafkaTestClient;

/**
 * What the hotline and staff see of classification (who decided, how confident, on which words) and of repeats
 * (重复件): the same enterprise with near-identical text within seven days is linked to the first appeal.
 */
class ClassificationAndRepeatsIntegrationTest extends ServiceTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static KafkaTestClient kafka;

    @Autowired
    ReactiveMongoTemplate mongo;

    @BeforeAll
    static void kafka() {
        kafka = KafkaTestClient.forTestInfrastructure();
    }

    @Test
    void theStatusViewAndTimelineSayWhoDecidedTheCategoryHowConfidentlyAndOnWhichWords() {
        Map<String, Object> accepted = submit(freshCreditCode(), "增值税专用发票开不出来",
                "电子税务局里申请提高发票额度一直没批，客户催着要专票，月底还要申报纳税。");

        Map<String, Object> view = get((String) accepted.get("id"));

        assertThat(view).containsEntry("category", "TAX").containsEntry("repeatOf", null);
        Map<String, Object> how = map(view.get("classification"));
        assertThat(how).containsEntry("decidedBy", "MODEL");
        assertThat((String) how.get("model")).startsWith("lr-");
        assertThat(((Number) how.get("confidence")).doubleValue()).isGreaterThanOrEqualTo(0.3);
        assertThat((List<?>) how.get("words")).isNotEmpty();
        assertThat(list(how.get("candidates"))).hasSize(3).first().satisfies(c -> assertThat(c)
                .containsEntry("category", "TAX"));
        assertThat(acceptanceNote(view)).contains("category TAX by the model " + how.get("model"))
                .contains("confidence").contains("words");
    }

    @Test
    void anAppealTheModelIsUnsureOfHasNoCategoryButCarriesItsCandidatesToTriage() {
        Map<String, Object> accepted = submit(freshCreditCode(), "催办", "之前反映的事情一直没有回音");
        String id = (String) accepted.get("id");

        Map<String, Object> view = get(id);
        assertThat(view).containsEntry("category", null);
        Map<String, Object> how = map(view.get("classification"));
        assertThat(how).containsEntry("decidedBy", "TRIAGE");
        assertThat(((Number) how.get("confidence")).doubleValue()).isLessThan(0.3);
        assertThat(acceptanceNote(view)).contains("not confident enough, triage decides between");

        AppealAccepted event = (AppealAccepted) kafka.awaitFirst(WAIT, r -> id.equals(r.key())
                && r.event() instanceof AppealAccepted, Topics.EVENTS).orElseThrow().event();
        assertThat(event.category()).isNull();
        assertThat(event.classification().decidedBy()).isEqualTo(Classification.TRIAGE);
        assertThat(event.classification().candidates()).hasSize(3);
    }

    @Test
    void theSameEnterpriseRaisingTheSameProblemAgainIsLinkedToTheFirstAppealAndTheHotlineIsTold() {
        String enterprise = freshCreditCode();
        String first = (String) submit(enterprise, "流动资金贷款续贷困难",
                "原有500万元流动资金贷款下月到期，银行表示需要追加抵押物才能续贷。").get("id");

        Map<String, Object> again = submit(enterprise, "续贷还是办不下来",
                "500万元流动资金贷款下月就到期了，银行还是要求追加抵押物才能续贷！");
        Map<String, Object> third = submit(enterprise, "续贷问题第三次反映",
                "我们500万元的流动资金贷款下月到期，银行坚持要追加抵押物才能续贷，请帮忙协调。");
        Map<String, Object> otherProblem = submit(enterprise, "园区门口路灯坏了", "园区门口的路灯坏了一个多月，员工晚上下班很不安全。");
        Map<String, Object> otherEnterprise = submit(freshCreditCode(), "流动资金贷款续贷困难",
                "原有500万元流动资金贷款下月到期，银行表示需要追加抵押物才能续贷。");

        assertThat(again).containsEntry("repeatOf", first);
        assertThat(third).as("a repeat of a repeat points at the first").containsEntry("repeatOf", first);
        assertThat(otherProblem).containsEntry("repeatOf", null);
        assertThat(otherEnterprise).containsEntry("repeatOf", null);

        String againId = (String) again.get("id");
        Map<String, Object> view = get(againId);
        assertThat(view).containsEntry("repeatOf", first);
        assertThat(acceptanceNote(view)).contains("a repeat (重复件) of appeal " + first);
        AppealAccepted event = (AppealAccepted) kafka.awaitFirst(WAIT, r -> againId.equals(r.key())
                && r.event() instanceof AppealAccepted, Topics.EVENTS).orElseThrow().event();
        assertThat(event.repeatOf()).isEqualTo(first);
    }

    @Test
    void theSameProblemSixDaysLaterIsARepeatButEightDaysLaterIsANewAppeal() {
        String title = "危废仓库转运不及时";
        String content = "厂里危废暂存间已经堆满，签约的处置单位两个月没来转运，环保检查要整改。";
        String sixDays = freshCreditCode();
        String earlier = (String) submit(sixDays, title, content).get("id");
        acceptedDaysAgo(earlier, 6);
        assertThat(submit(sixDays, title, content)).containsEntry("repeatOf", earlier);

        String eightDays = freshCreditCode();
        String old = (String) submit(eightDays, title, content).get("id");
        acceptedDaysAgo(old, 8);
        assertThat(submit(eightDays, title, content)).containsEntry("repeatOf", null);
    }

    private Map<String, Object> submit(String creditCode, String title, String content) {
        Map<String, Object> body = appeal("HOTLINE_12345", nextExternalId());
        body.put("title", title);
        body.put("content", content);
        map(body.get("enterprise")).put("creditCode", creditCode);
        return post(body).expectStatus().isCreated().expectBody(MAP).returnResult().getResponseBody();
    }

    private void acceptedDaysAgo(String id, int days) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id)),
                        new Update().set("acceptedAt", Instant.now().minus(days, ChronoUnit.DAYS)), AppealDocument.class)
                .block(WAIT);
    }

    private static String acceptanceNote(Map<String, Object> view) {
        return (String) list(view.get("timeline")).stream().filter(t -> "ACCEPTED".equals(t.get("status")))
                .findFirst().orElseThrow().get("note");
    }
}
