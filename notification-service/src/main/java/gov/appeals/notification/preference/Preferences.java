package gov.appeals.notification.preference;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Whether a message goes to a recipient now, later or not at all: the recipient's stored {@link Preference}, falling
 * back to the service-wide configuration ({@link Defaults}: {@code appeals.sms.*}, {@code appeals.mail.*}) when it
 * has none. The service-wide switches are the ceiling: a recipient can switch a channel or topic off, never on again
 * when the service has it off. Quiet hours are the recipient's own when set ("" for none), else the service's; an
 * urgent appeal's messages pass quiet hours, never a switch.
 */
public final class Preferences {

    /** The e-mail recipient key of the supervisors' mailbox. */
    public static final String SUPERVISORS = "SUPERVISORS";

    /** A unified social credit code (GB 32100-2015): 18 characters of its alphabet. */
    private static final Pattern CREDIT_CODE = Pattern.compile("[0-9A-HJ-NPQRTUWXY]{18}");

    /**
     * A channel's service-wide configuration.
     *
     * @param enabled        the channel's switch
     * @param topics         the topics the service sends
     * @param known          every topic name of the channel, in order
     * @param quietHours     the service's quiet hours (none for e-mail)
     * @param disabledReason why a message is suppressed while the channel is off
     * @param topicOff       why one of a topic switched off is, {@code {topic}} standing for the topic
     * @param hasQuietHours  whether a recipient may set quiet hours on this channel
     */
    public record Defaults(boolean enabled, Set<String> topics, List<String> known, QuietHours quietHours,
                           String disabledReason, String topicOff, boolean hasQuietHours) {

        public Defaults {
            topics = Set.copyOf(topics);
            known = List.copyOf(known);
        }

        /** The topics the service sends, in the channel's order. */
        public List<String> sentTopics() {
            return known.stream().filter(topics::contains).toList();
        }
    }

    /** What becomes of one message. */
    public sealed interface Decision {
    }

    /** Send it now. */
    public record SendNow() implements Decision {
    }

    /** Keep it until quiet hours are over. */
    public record Defer(Instant until) implements Decision {
    }

    /** Record it SUPPRESSED, saying why. */
    public record Suppress(String reason) implements Decision {
    }

    /** A value of a preference that cannot be taken, naming its field. */
    public static final class InvalidPreference extends IllegalArgumentException {

        private final String field;

        public InvalidPreference(String field, String message) {
            super(message);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }

    private final Map<Preference.Channel, Defaults> defaults = new EnumMap<>(Preference.Channel.class);
    private final ZoneId zone;

    public Preferences(Defaults sms, Defaults email, ZoneId zone) {
        defaults.put(Preference.Channel.SMS, Objects.requireNonNull(sms, "sms"));
        defaults.put(Preference.Channel.EMAIL, Objects.requireNonNull(email, "email"));
        this.zone = zone;
    }

    public Defaults defaults(Preference.Channel channel) {
        return defaults.get(channel);
    }

    /**
     * @param stored the recipient's preference, or null when it has none (the service-wide configuration decides)
     * @param urgent whether the appeal is urgent: its messages pass quiet hours
     */
    public Decision decide(Preference.Channel channel, Preference stored, String topic, boolean urgent,
                           Instant now) {
        Defaults service = defaults(channel);
        if (!service.enabled()) {
            return new Suppress(service.disabledReason());
        }
        if (!service.topics().contains(topic)) {
            return new Suppress(service.topicOff().replace("{topic}", topic));
        }
        if (stored != null && !stored.enabled()) {
            return new Suppress("preference of " + stored.recipient() + ": " + channel + " off");
        }
        if (stored != null && !stored.wants(topic)) {
            return new Suppress("preference of " + stored.recipient() + ": " + topic + " off");
        }
        Optional<Instant> until = quietHours(channel, stored).deferUntil(now, urgent);
        return until.<Decision>map(Defer::new).orElseGet(SendNow::new);
    }

    /** The quiet hours that apply to the recipient: its own when set, else the service's. */
    public QuietHours quietHours(Preference.Channel channel, Preference stored) {
        Defaults service = defaults(channel);
        if (!service.hasQuietHours()) {
            return QuietHours.none();
        }
        return stored == null || stored.quietHours() == null ? service.quietHours()
                : QuietHours.parse(stored.quietHours(), zone);
    }

    /** Whether {@code recipient} reads as an enterprise's SMS key, a unified social credit code. */
    public static boolean isCreditCode(String recipient) {
        return recipient != null && CREDIT_CODE.matcher(recipient).matches();
    }

    /** What a recipient without a preference gets: the service-wide configuration, as a preference. */
    public Preference fallback(Preference.Channel channel, String recipient) {
        Defaults service = defaults(channel);
        return new Preference(channel, recipient, service.enabled(), Set.copyOf(service.sentTopics()),
                service.hasQuietHours() ? service.quietHours().spec() : null, null, null);
    }

    /**
     * A preference as a request sets it, checked.
     *
     * @throws InvalidPreference naming the first field that cannot be taken
     */
    public Preference validated(Preference.Channel channel, String recipient, Boolean enabled,
                                List<String> topics, String quietHours, Instant at, String by) {
        List<InvalidPreference> problems = new ArrayList<>();
        if (enabled == null) {
            problems.add(new InvalidPreference("enabled", "true or false is required"));
        }
        Set<String> names = new LinkedHashSet<>();
        List<String> known = defaults(channel).known();
        for (String topic : topics == null ? List.<String>of() : topics) {
            if (topic == null || !known.contains(topic)) {
                problems.add(new InvalidPreference("topics", "'" + topic + "' is not a topic of " + channel
                        + "; the topics are " + String.join(", ", known)));
                break;
            }
            names.add(topic);
        }
        if (quietHours != null) {
            if (!defaults(channel).hasQuietHours()) {
                problems.add(new InvalidPreference("quietHours", channel + " has no quiet hours; leave it out"));
            } else {
                try {
                    QuietHours.parse(quietHours, zone);
                } catch (IllegalArgumentException e) {
                    problems.add(new InvalidPreference("quietHours",
                            "HH:mm-HH:mm (e.g. 22:00-08:00), or empty for none"));
                }
            }
        }
        if (!problems.isEmpty()) {
            InvalidPreference first = problems.get(0);
            problems.stream().skip(1).forEach(first::addSuppressed);
            throw first;
        }
        String spec = quietHours == null ? null : QuietHours.parse(quietHours, zone).spec();
        return new Preference(channel, recipient, enabled, names, spec, at, by);
    }
}
