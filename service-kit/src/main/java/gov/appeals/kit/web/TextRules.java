package gov.appeals.kit.web;

import java.util.List;

/**
 * The length rules free text follows on every service: a short text (a title, a name, a reason's headline) and a
 * long one (content, an answer, a comment). Counted in Unicode code points, as a person counts characters.
 *
 * @param shortMax the most characters of a short text ({@code appeals.text.short-max}, default 100)
 * @param longMax  the most characters of a long text ({@code appeals.text.long-max}, default 4,000)
 */
public record TextRules(int shortMax, int longMax) {

    public static final TextRules DEFAULTS = new TextRules(100, 4000);

    /** A required short text: present, not blank, at most {@link #shortMax()} characters. */
    public void requireShort(List<FieldProblem> problems, String field, String value) {
        require(problems, field, value, shortMax);
    }

    /** A required long text. */
    public void requireLong(List<FieldProblem> problems, String field, String value) {
        require(problems, field, value, longMax);
    }

    /** An optional short text: absent is fine, present must not be blank or too long. */
    public void optionalShort(List<FieldProblem> problems, String field, String value) {
        if (value != null) {
            require(problems, field, value, shortMax);
        }
    }

    /** An optional long text. */
    public void optionalLong(List<FieldProblem> problems, String field, String value) {
        if (value != null) {
            require(problems, field, value, longMax);
        }
    }

    public static void require(List<FieldProblem> problems, String field, String value, int max) {
        if (value == null || value.isBlank()) {
            problems.add(new FieldProblem(field, "is required"));
        } else if (value.codePointCount(0, value.length()) > max) {
            problems.add(new FieldProblem(field, "must be at most " + max + " characters"));
        }
    }
}
