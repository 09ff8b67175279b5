package gov.appeals.intake.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import gov.appeals.events.Source;
import gov.appeals.events.Urgency;
import gov.appeals.kit.web.FieldProblem;
import gov.appeals.kit.web.TextRules;
import gov.appeals.reference.ReferenceData;

class SubmissionRulesTest {

    private final SubmissionRules rules = new SubmissionRules(ReferenceData.bundled(), TextRules.DEFAULTS);

    private static Submission valid() {
        return new Submission(Source.HOTLINE_12345, "GD20261100007",
                new Submission.Applicant("上海江桥物流供应链有限公司", "91310114CL12TH3B1T", "吴先生", "13078106871", null),
                "ST-ML", "流动资金贷款续贷困难", "银行表示需要追加抵押物才能续贷", "FINANCING", Urgency.NORMAL);
    }

    @Test
    void acceptsEverySampleAppeal() {
        assertThat(SampleAppeals.all()).allSatisfy(s -> {
            var e = s.get("enterprise");
            var submission = new Submission(Source.valueOf(s.get("source").asString()), s.get("externalId").asString(),
                    new Submission.Applicant(e.get("name").asString(), e.get("creditCode").asString(),
                            e.get("contactName").asString(), e.get("phone").asString(), null),
                    s.get("street").asString(), s.get("title").asString(), s.get("content").asString(), null, null);
            assertThat(rules.check(submission)).as(s.get("externalId").asString()).isEmpty();
        });
    }

    @Test
    void namesEveryMissingFieldWithItsPath() {
        var empty = new Submission(null, null, new Submission.Applicant(null, null, "  ", null, null), null, null, "", null,
                null);
        assertThat(rules.check(empty)).extracting(FieldProblem::field).containsExactly("source", "externalId",
                "enterprise.name", "enterprise.creditCode", "enterprise.contactName", "enterprise.phone", "street",
                "title", "content");
    }

    @Test
    void limitsTitlesTo100AndContentTo4000CharactersNotBytes() {
        var v = valid();
        var atLimit = new Submission(v.source(), "a".repeat(64), v.enterprise(), v.street(), "题".repeat(100),
                "长".repeat(4000), null, null);
        assertThat(rules.check(atLimit)).isEmpty();
        var overLimit = new Submission(v.source(), "a".repeat(65), v.enterprise(), v.street(), "题".repeat(101),
                "长".repeat(4001), null, null);
        assertThat(rules.check(overLimit)).extracting(FieldProblem::field)
                .containsExactly("externalId", "title", "content");
    }

    @Test
    void rejectsUnknownStreetsAndCategories() {
        var v = valid();
        var unknown = new Submission(v.source(), v.externalId(), v.enterprise(), "ST-NOWHERE", v.title(), v.content(),
                "WEATHER", null);
        assertThat(rules.check(unknown)).extracting(FieldProblem::field).containsExactly("street", "category");
    }
}
