package gov.appeals.intake.rating;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import gov.appeals.events.AppealStatus;
import gov.appeals.events.Rating;
import gov.appeals.kit.web.FieldProblem;

class RatingRulesTest {

    private static final RatingSubmission SATISFIED = new RatingSubmission(Rating.SATISFIED, true, "谢谢");

    @Test
    void ratesAnAnsweredUnratedAppeal() {
        assertThat(RatingRules.decide(AppealStatus.RESPONDED, null, SATISFIED)).isEqualTo(RatingRules.Verdict.RATE);
    }

    @Test
    void treatsTheSameRatingAgainAsARepeatWhateverHappenedSince() {
        var again = new RatingSubmission(Rating.SATISFIED, true, "谢谢");
        assertThat(RatingRules.decide(AppealStatus.RESPONDED, SATISFIED, again)).isEqualTo(RatingRules.Verdict.REPEAT);
        assertThat(RatingRules.decide(AppealStatus.CLOSED, SATISFIED, again)).isEqualTo(RatingRules.Verdict.REPEAT);
    }

    @Test
    void rejectsADifferentRatingOfTheSameAnswer() {
        assertThat(RatingRules.decide(AppealStatus.RESPONDED, SATISFIED,
                new RatingSubmission(Rating.DISSATISFIED, false, null)))
                .isEqualTo(RatingRules.Verdict.CONFLICTS_WITH_EARLIER_RATING);
        assertThat(RatingRules.decide(AppealStatus.RESPONDED, SATISFIED,
                new RatingSubmission(Rating.SATISFIED, null, "谢谢")))
                .isEqualTo(RatingRules.Verdict.CONFLICTS_WITH_EARLIER_RATING);
    }

    @Test
    void rejectsARatingOfAnUnansweredAppeal() {
        for (AppealStatus status : new AppealStatus[] {AppealStatus.ACCEPTED, AppealStatus.ASSIGNED,
                AppealStatus.SIGNED, AppealStatus.REOPENED, AppealStatus.CLOSED}) {
            assertThat(RatingRules.decide(status, null, SATISFIED)).isEqualTo(RatingRules.Verdict.NOT_RESPONDED);
        }
    }

    @Test
    void requiresARatingAndCapsTheComment() {
        assertThat(RatingRules.check(new RatingSubmission(null, null, "好".repeat(501)))).containsExactly(
                new FieldProblem("rating", "is required"), new FieldProblem("comment", "must be at most 500 characters"));
        assertThat(RatingRules.check(new RatingSubmission(Rating.BASICALLY_SATISFIED, null, "好".repeat(500)))).isEmpty();
    }
}
