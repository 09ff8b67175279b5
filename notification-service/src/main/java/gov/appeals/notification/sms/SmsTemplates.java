package gov.appeals.notification.sms;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import gov.appeals.events.AnswerResult;

/**
 * The wording of every text message, by template name ({@code accepted}, {@code answered},
 * {@code rating-invitation}), as configured ({@code appeals.sms.templates.*} in notification-service's
 * application.yml: the one place to change it). A template's placeholders ({@code {number}}, {@code {answerBy}},
 * {@code {result}}, {@code {department}}) are filled in by {@link #render}; a placeholder with no value is left
 * empty, never shown in braces.
 */
public final class SmsTemplates {

    public static final String ACCEPTED = "accepted";
    public static final String ANSWERED = "answered";
    public static final String RATING_INVITATION = "rating-invitation";

    /** Times in messages: the district's local time, to the minute. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZONE);
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)}");

    private final Map<String, String> templates;

    public SmsTemplates(Map<String, String> templates) {
        this.templates = Map.copyOf(Objects.requireNonNull(templates, "templates"));
        for (String name : new String[] {ACCEPTED, ANSWERED, RATING_INVITATION}) {
            String template = this.templates.get(name);
            if (template == null || template.isBlank()) {
                throw new IllegalArgumentException("appeals.sms.templates." + name + " is not set");
            }
        }
    }

    /** The template's text with its placeholders replaced. */
    public String render(String name, Map<String, String> values) {
        String template = templates.get(name);
        if (template == null) {
            throw new IllegalArgumentException("No SMS template named " + name);
        }
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder text = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            m.appendReplacement(text, Matcher.quoteReplacement(value == null ? "" : value));
        }
        m.appendTail(text);
        return text.toString();
    }

    /** 2026-03-09 09:30 for 2026-03-09T01:30:00Z. */
    public static String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant);
    }

    /** How an answer's result reads to the enterprise. */
    public static String result(AnswerResult result) {
        if (result == null) {
            return "";
        }
        return switch (result) {
            case RESOLVED -> "已解决";
            case PARTIALLY_RESOLVED -> "部分解决";
            case EXPLAINED -> "已解释说明";
        };
    }
}
