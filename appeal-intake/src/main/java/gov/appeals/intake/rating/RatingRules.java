package gov.appeals.intake.rating;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import gov.appeals.events.AppealStatus;
import gov.appeals.kit.web.FieldProblem;

/** When an appeal can be rated, and what a rating that arrives twice means. */
public final class RatingRules {

    static final int MAX_COMMENT = 500;

    public enum Verdict {
        /** Record the rating and announce it. */
        RATE,
        /** The same rating again (the hotline retries on timeouts): already done, nothing new. */
        REPEAT,
        /** The answer was rated differently already. */
        CONFLICTS_WITH_EARLIER_RATING,
        /** There is no answer waiting for a rating. */
        NOT_RESPONDED
    }

    private RatingRules() {
    }

    public static List<FieldProblem> check(RatingSubmission rating) {
        List<FieldProblem> problems = new ArrayList<>();
        if (rating.rating() == null) {
            problems.add(new FieldProblem("rating", "is required"));
        }
        if (rating.comment() != null && rating.comment().codePointCount(0, rating.comment().length()) > MAX_COMMENT) {
            problems.add(new FieldProblem("comment", "must be at most " + MAX_COMMENT + " characters"));
        }
        return problems;
    }

    /** @param earlier the rating the current answer already has, null when it has none */
    public static Verdict decide(AppealStatus status, RatingSubmission earlier, RatingSubmission requested) {
        if (earlier != null && sameRating(earlier, requested)) {
            return Verdict.REPEAT;
        }
        if (status != AppealStatus.RESPONDED) {
            return Verdict.NOT_RESPONDED;
        }
        return earlier == null ? Verdict.RATE : Verdict.CONFLICTS_WITH_EARLIER_RATING;
    }

    private static boolean sameRating(RatingSubmission a, RatingSubmission b) {
        return a.rating() == b.rating() && Objects.equals(a.resolved(), b.resolved())
                && Objects.equals(blankToNull(a.comment()), blankToNull(b.comment()));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
