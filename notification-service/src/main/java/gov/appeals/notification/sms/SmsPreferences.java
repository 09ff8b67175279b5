package gov.appeals.notification.sms;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which text messages go out: SMS as a whole ({@code appeals.sms.enabled}) and each template by name
 * ({@code appeals.sms.topics}). A message switched off is recorded as suppressed, not sent.
 */
public record SmsPreferences(boolean enabled, Set<String> topics) {

    public static final List<String> ALL = List.of(SmsTemplates.ACCEPTED, SmsTemplates.ANSWERED,
            SmsTemplates.RATING_INVITATION);

    public SmsPreferences {
        topics = Set.copyOf(topics);
    }

    /** @param topics the template names to send; null means all of them */
    public static SmsPreferences of(boolean enabled, Collection<String> topics) {
        if (topics == null) {
            return new SmsPreferences(enabled, Set.copyOf(ALL));
        }
        Set<String> names = topics.stream().map(String::strip).filter(t -> !t.isEmpty())
                .collect(Collectors.toSet());
        for (String name : names) {
            if (!ALL.contains(name)) {
                throw new IllegalArgumentException("appeals.sms.topics (SMS_TOPICS) names '" + name
                        + "'; the topics are " + ALL);
            }
        }
        return new SmsPreferences(enabled, names);
    }

    /** Why the message on {@code topic} is not sent, or null when it is. */
    public String suppression(String topic) {
        if (!enabled) {
            return "SMS switched off (appeals.sms.enabled)";
        }
        return topics.contains(topic) ? null : "topic " + topic + " switched off (appeals.sms.topics)";
    }
}
