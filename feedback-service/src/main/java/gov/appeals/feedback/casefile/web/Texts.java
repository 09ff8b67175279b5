package gov.appeals.feedback.casefile.web;

/** The kit's text limits (TextRules defaults) as the request records' annotations need them: constants. */
final class Texts {

    static final int SHORT = 100;
    static final int LONG = 4000;
    static final String NOT_BLANK = "(?s).*\\S.*";

    private Texts() {
    }
}
