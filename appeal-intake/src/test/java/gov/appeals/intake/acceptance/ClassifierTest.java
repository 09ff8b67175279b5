package gov.appeals.intake.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import gov.appeals.classification.CategoryModel;
import gov.appeals.classification.SegmentedText;
import gov.appeals.classification.Similarity;
import gov.appeals.events.Classification;
import gov.appeals.events.Urgency;
import gov.appeals.reference.ReferenceData;
import tools.jackson.databind.JsonNode;

class ClassifierTest {

    private static final ReferenceData REFERENCE = ReferenceData.bundled();
    private static final CategoryModel MODEL = CategoryModel.bundled();
    private final Classifier classifier = new Classifier(REFERENCE, List.of("紧急", "讨薪"), MODEL, 0.3);

    @Test
    void decidesTheCategoryOfAClearAppealAndNamesTheWordsThatDecided() {
        String title = "增值税专用发票开不出来";
        String content = "我司在马陆镇，电子税务局里申请提高发票额度一直没批，客户催着要专票，月底还要申报纳税。";
        Classifier.Result result = classifier.classify(title, content, null, null);

        assertThat(result.category()).isEqualTo("TAX");
        assertThat(result.how().decidedBy()).isEqualTo(Classification.MODEL);
        assertThat(result.how().model()).isEqualTo(MODEL.version()).startsWith("lr-");
        assertThat(result.how().confidence()).isGreaterThanOrEqualTo(0.3);
        assertThat(result.how().words()).isNotEmpty().allSatisfy(word -> assertThat(title + content).contains(word));
        assertThat(result.how().candidates()).hasSize(3);
        assertThat(result.how().candidates().get(0).category()).isEqualTo("TAX");
    }

    @Test
    void sendsAnAppealTheModelIsUnsureOfToTriageWithTheCandidatesMostLikelyFirst() {
        Classifier.Result result = classifier.classify("催办", "之前反映的事情一直没有回音", null, null);

        assertThat(result.category()).isNull();
        assertThat(result.how().decidedBy()).isEqualTo(Classification.TRIAGE);
        assertThat(result.how().confidence()).isLessThan(0.3);
        assertThat(result.how().candidates()).hasSize(3);
        assertThat(result.how().candidates().get(0).confidence())
                .isGreaterThanOrEqualTo(result.how().candidates().get(1).confidence())
                .isEqualTo(result.how().confidence());
    }

    @Test
    void aStricterThresholdSendsTheSameAppealToTriage() {
        Classifier strict = new Classifier(REFERENCE, List.of(), MODEL, 0.999);
        String title = "续贷要追加抵押";
        String content = "流动资金贷款下月到期，银行要求追加抵押物才给续贷。";

        assertThat(classifier.classify(title, content, null, null).category()).isEqualTo("FINANCING");
        Classifier.Result strictly = strict.classify(title, content, null, null);
        assertThat(strictly.category()).isNull();
        assertThat(strictly.how().candidates().get(0).category()).isEqualTo("FINANCING");
    }

    @Test
    void letsAGivenCategoryAndUrgencyWinAndStillRecordsWhatTheModelThought() {
        Classifier.Result result = classifier.classify("流动资金贷款续贷困难", "银行要求追加抵押", "TAX", Urgency.URGENT);

        assertThat(result.category()).isEqualTo("TAX");
        assertThat(result.urgency()).isEqualTo(Urgency.URGENT);
        assertThat(result.how().decidedBy()).isEqualTo(Classification.SUBMITTER);
        assertThat(result.how().candidates().get(0).category()).isEqualTo("FINANCING");
    }

    @Test
    void reproducesTheExpectedUrgencyOfEverySample() {
        assertThat(SampleAppeals.all()).allSatisfy(s -> assertThat(classify(s).urgency())
                .as(s.get("title").asString())
                .isEqualTo(Urgency.valueOf(s.get("expected").get("urgency").asString())));
    }

    @Test
    void raisesUrgencyForUrgentWordsIncludingTheConfiguredExtras() {
        assertThat(classifier.classify("工人讨薪", "请处理", null, null).urgency()).isEqualTo(Urgency.URGENT);
        assertThat(classifier.classify("工厂停电", "请处理", null, null).urgency()).isEqualTo(Urgency.URGENT);
        assertThat(new Classifier(REFERENCE, List.of(), MODEL, 0.3).classify("工人讨薪", "请处理", null, null).urgency())
                .isEqualTo(Urgency.NORMAL);
    }

    @Test
    void doesNotTreatAnInquiryAsAnEmergencyOfItsCategory() {
        assertThat(classifier.classify("危化品仓库", "需要指导", "SAFETY", null).urgency()).isEqualTo(Urgency.URGENT);
        assertThat(classifier.classify("咨询危化品仓库备案", "需要指导", "SAFETY", null).urgency())
                .isEqualTo(Urgency.NORMAL);
    }

    /** Acceptance segments an appeal once for the classifier and the repeat check, which each used to segment it. */
    @Test
    void classifiesAndFindsTheWordsOfEverySampleSegmentedOnceAsItDidSegmentingTwice() {
        assertThat(SampleAppeals.all()).allSatisfy(s -> {
            String title = s.get("title").asString();
            String content = s.get("content").asString();
            SegmentedText once = SegmentedText.of(title, content);

            assertThat(classifier.classify(once, null, null)).isEqualTo(classifier.classify(title, content, null, null));
            assertThat(once.words()).isEqualTo(Similarity.words(title, content));
        });
    }

    private Classifier.Result classify(JsonNode s) {
        return classifier.classify(s.get("title").asString(), s.get("content").asString(), null, null);
    }
}
