package gov.appeals.kit.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class TextRulesTest {

    @Test
    void countsCharactersAsAPersonDoesNotUtf16Units() {
        List<FieldProblem> problems = new ArrayList<>();
        TextRules.DEFAULTS.requireShort(problems, "title", "😀".repeat(100));
        assertThat(problems).isEmpty();
        TextRules.DEFAULTS.requireShort(problems, "title", "题".repeat(101));
        TextRules.DEFAULTS.requireLong(problems, "content", "长".repeat(4001));
        TextRules.DEFAULTS.requireLong(problems, "answer", "  ");
        TextRules.DEFAULTS.optionalShort(problems, "comment", null);
        assertThat(problems).containsExactly(new FieldProblem("title", "must be at most 100 characters"),
                new FieldProblem("content", "must be at most 4000 characters"),
                new FieldProblem("answer", "is required"));
    }

    @Test
    void pagesHaveADefaultAMaximumAndNameWhatIsOutOfRange() {
        assertThat(Paging.of(null, null, 20, 100)).isEqualTo(new Paging.Request(0, 20));
        assertThat(Paging.of(3, 50, 20, 100).skip()).isEqualTo(150);
        try {
            Paging.of(-1, 101, 20, 100);
        } catch (InvalidRequestException e) {
            assertThat(e.problems()).extracting(FieldProblem::field).containsExactly("page", "size");
            return;
        }
        throw new AssertionError("out-of-range paging accepted");
    }
}
