package gov.appeals.notification.mail;

import java.util.Locale;
import java.util.Map;

/**
 * Where staff mail goes: a department's mailbox as configured ({@code appeals.mail.departments.<CODE>}, the code
 * matched ignoring case), otherwise
 * the default pattern with {@code {code}} replaced by the department code in lower case
 * ({@code DEV_REFORM} → {@code dev_reform@appeals.local}); the supervisors' one mailbox.
 */
public record Mailboxes(Map<String, String> departments, String defaultAddressPattern, String supervisors) {

    public Mailboxes {
        departments = departments == null ? Map.of() : Map.copyOf(departments);
    }

    public String department(String code) {
        String configured = departments.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(code))
                .map(Map.Entry::getValue).findFirst().orElse(null);
        if (configured != null && !configured.isBlank()) {
            return configured.trim();
        }
        return defaultAddressPattern.replace("{code}", code.toLowerCase(Locale.ROOT));
    }
}
