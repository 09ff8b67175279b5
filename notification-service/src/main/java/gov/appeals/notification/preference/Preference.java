package gov.appeals.notification.preference;

import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;

/**
 * What one recipient wants on one channel, as stored and edited: the enterprise (by its unified social credit code)
 * for SMS to its contact, a department (by its code, e.g. {@code JD-SWJ}) or {@link Preferences#SUPERVISORS} for
 * e-mail. It can only switch off what the service sends: the service-wide configuration stays the ceiling.
 *
 * @param channel    SMS or EMAIL
 * @param recipient  the credit code (SMS), the department code or {@code SUPERVISORS} (EMAIL)
 * @param enabled    false: nothing on this channel to this recipient (settled SUPPRESSED)
 * @param topics     the topics (SMS templates, mail kinds) the recipient wants; empty for all of them
 * @param quietHours SMS only: the recipient's own quiet hours ({@code HH:mm-HH:mm}, or empty for none); null for the
 *                   service's
 * @param updatedAt  when it was last set
 * @param updatedBy  who set it (the user, or the source system)
 */
public record Preference(Channel channel, String recipient, boolean enabled, Set<String> topics, String quietHours,
                         Instant updatedAt, String updatedBy) {

    /** The channels a recipient has preferences on. */
    public enum Channel {
        SMS, EMAIL
    }

    public Preference {
        topics = topics == null ? Set.of() : Set.copyOf(new TreeSet<>(topics));
    }

    /** The store's key: one preference per channel and recipient. */
    public static String idOf(Channel channel, String recipient) {
        return channel + ":" + recipient;
    }

    public String id() {
        return idOf(channel, recipient);
    }

    /** Whether the recipient wants messages on {@code topic} (an empty set wants all). */
    public boolean wants(String topic) {
        return topics.isEmpty() || topics.contains(topic);
    }
}
