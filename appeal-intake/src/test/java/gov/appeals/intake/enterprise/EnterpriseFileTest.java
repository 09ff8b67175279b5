package gov.appeals.intake.enterprise;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import gov.appeals.events.AppealStatus;
import gov.appeals.events.Rating;

class EnterpriseFileTest {

    private static final String CODE = "91310114CL12TH3B1T";

    private static EnterpriseFile.Summary appeal(String id, AppealStatus status, String category, String acceptedAt,
                                                 String repeatOf) {
        return new EnterpriseFile.Summary(id, "QS-" + id, "企业" + id, "标题" + id, status, category, "JD-SWJ",
                Instant.parse(acceptedAt), Instant.parse(acceptedAt).plusSeconds(86400 * 10), null, null, repeatOf);
    }

    private static EnterpriseFile file(EnterpriseFile.Summary... appeals) {
        return EnterpriseFile.of(CODE, List.of(appeals)).orElseThrow();
    }

    @Test
    void listsOpenAppealsFirstThenClosedOnesEachNewestFirst() {
        EnterpriseFile file = file(
                appeal("closed-old", AppealStatus.CLOSED, "TAX", "2025-03-01T00:00:00Z", null),
                appeal("open-old", AppealStatus.ASSIGNED, "TAX", "2025-01-01T00:00:00Z", null),
                appeal("closed-new", AppealStatus.CLOSED, "TAX", "2026-02-01T00:00:00Z", null),
                appeal("open-new", AppealStatus.RESPONDED, "TAX", "2026-01-01T00:00:00Z", null));

        assertThat(file.appeals()).extracting(EnterpriseFile.Appeal::id)
                .containsExactly("open-new", "open-old", "closed-new", "closed-old");
        assertThat(file.open()).isEqualTo(2);
        assertThat(file.total()).isEqualTo(4);
    }

    @Test
    void isNamedAsTheNewestAppealNamesTheEnterprise() {
        EnterpriseFile file = file(
                appeal("open", AppealStatus.ASSIGNED, "TAX", "2025-01-01T00:00:00Z", null),
                appeal("closed-newest", AppealStatus.CLOSED, "TAX", "2026-01-01T00:00:00Z", null));

        assertThat(file.name()).isEqualTo("企业closed-newest");
        assertThat(file.creditCode()).isEqualTo(CODE);
    }

    @Test
    void countsByCategoryMostFirstTiesByCodeAndNoCategoryAmongThem() {
        EnterpriseFile file = file(
                appeal("a", AppealStatus.ASSIGNED, "TAX", "2026-01-01T00:00:00Z", null),
                appeal("b", AppealStatus.ASSIGNED, "FINANCING", "2026-01-02T00:00:00Z", null),
                appeal("c", AppealStatus.ASSIGNED, "TAX", "2026-01-03T00:00:00Z", null),
                appeal("d", AppealStatus.TRIAGE, null, "2026-01-04T00:00:00Z", null),
                appeal("e", AppealStatus.ASSIGNED, "ENVIRONMENT", "2026-01-05T00:00:00Z", null));

        assertThat(file.byCategory()).containsExactly(
                new EnterpriseFile.CategoryCount("TAX", 2),
                new EnterpriseFile.CategoryCount("ENVIRONMENT", 1),
                new EnterpriseFile.CategoryCount("FINANCING", 1),
                new EnterpriseFile.CategoryCount(null, 1));
    }

    @Test
    void countsByYearOfAcceptanceInChinaTimeNewestYearFirst() {
        EnterpriseFile file = file(
                appeal("a", AppealStatus.CLOSED, "TAX", "2024-06-01T00:00:00Z", null),
                // 2025-12-31T17:00Z is already 2026-01-01 01:00 in Shanghai.
                appeal("b", AppealStatus.ASSIGNED, "TAX", "2025-12-31T17:00:00Z", null),
                appeal("c", AppealStatus.ASSIGNED, "TAX", "2026-03-01T00:00:00Z", null),
                appeal("d", AppealStatus.CLOSED, "TAX", "2025-05-01T00:00:00Z", null));

        assertThat(file.byYear()).containsExactly(new EnterpriseFile.YearCount(2026, 2),
                new EnterpriseFile.YearCount(2025, 1), new EnterpriseFile.YearCount(2024, 1));
    }

    @Test
    void eachAppealListsTheAppealsOfTheFileThatRepeatIt() {
        EnterpriseFile file = file(
                appeal("first", AppealStatus.CLOSED, "TAX", "2026-01-01T00:00:00Z", null),
                appeal("second", AppealStatus.CLOSED, "TAX", "2026-01-05T00:00:00Z", "first"),
                appeal("third", AppealStatus.ASSIGNED, "TAX", "2026-01-09T00:00:00Z", "first"),
                appeal("other", AppealStatus.ASSIGNED, "TAX", "2026-01-10T00:00:00Z", "not-in-the-file"));

        assertThat(file.appeals()).filteredOn(a -> a.id().equals("first")).singleElement()
                .satisfies(a -> assertThat(a.repeats()).containsExactly("second", "third"));
        assertThat(file.appeals()).filteredOn(a -> a.id().equals("third")).singleElement()
                .satisfies(a -> {
                    assertThat(a.repeatOf()).isEqualTo("first");
                    assertThat(a.repeats()).isEmpty();
                });
        assertThat(file.appeals()).filteredOn(a -> a.id().equals("other")).singleElement()
                .satisfies(a -> assertThat(a.repeatOf()).isEqualTo("not-in-the-file"));
    }

    @Test
    void carriesTheRatingAndTheAnswerDeadlineOfEachAppeal() {
        Instant accepted = Instant.parse("2026-01-01T00:00:00Z");
        EnterpriseFile file = file(new EnterpriseFile.Summary("rated", "QS-1", "企业", "标题", AppealStatus.CLOSED,
                "TAX", "JD-SWJ", accepted, accepted.plusSeconds(3600), Rating.SATISFIED, true, null));

        assertThat(file.appeals()).singleElement().satisfies(a -> {
            assertThat(a.rating()).isEqualTo(Rating.SATISFIED);
            assertThat(a.resolved()).isTrue();
            assertThat(a.answerBy()).isEqualTo(accepted.plusSeconds(3600));
            assertThat(a.leadDepartment()).isEqualTo("JD-SWJ");
        });
        assertThat(file.open()).isZero();
    }

    @Test
    void holdsTheNewestThousandAppealsAndCountsOnlyThose() {
        List<EnterpriseFile.Summary> many = new ArrayList<>();
        Instant start = Instant.parse("2025-01-01T00:00:00Z");
        for (int i = 0; i < EnterpriseFile.MAX_APPEALS + 5; i++) {
            many.add(appeal("a" + i, AppealStatus.CLOSED, "TAX", start.plusSeconds(3600L * i).toString(), null));
        }

        EnterpriseFile file = EnterpriseFile.of(CODE, many).orElseThrow();

        assertThat(file.total()).isEqualTo(EnterpriseFile.MAX_APPEALS);
        assertThat(file.appeals()).hasSize(EnterpriseFile.MAX_APPEALS);
        assertThat(file.appeals()).extracting(EnterpriseFile.Appeal::id).doesNotContain("a0", "a4")
                .startsWith("a" + (EnterpriseFile.MAX_APPEALS + 4));
    }

    @Test
    void thereIsNoFileWithoutAnAppeal() {
        assertThat(EnterpriseFile.of(CODE, List.of())).isEmpty();
    }
}
