package gov.appeals.notification.mail.messaging;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import gov.appeals.notification.mail.MailKind;
import gov.appeals.notification.mail.Mailboxes;

/**
 * E-mail to staff and supervisors ({@code appeals.mail.*}; the SMTP server itself is {@code spring.mail.*}).
 *
 * @param enabled               false: no mail is sent, every one is recorded SUPPRESSED
 * @param topics                the kinds that are sent; a kind left out is recorded SUPPRESSED
 * @param from                  the From address
 * @param supervisors           the supervisors' mailbox
 * @param departments           a department's mailbox by its code, where the default pattern does not fit
 * @param defaultAddressPattern a department's mailbox otherwise, {@code {code}} standing for its code in lower case
 * @param timeout               the most one SMTP send may take
 * @param digestTime            when each day the digest of overdue appeals goes out, in {@code zone}
 * @param zone                  the district's time zone (mail bodies, the digest's day)
 * @param retryInitial          the pause before the first retry of a mail the server did not take
 * @param retryMax              the longest pause between retries
 * @param giveUpAfter           how long after the first try a mail is given up (FAILED)
 * @param sweepInterval         how often retries and the digest's time are looked at
 * @param staleAfter            how old a PENDING mail notice must be to count as left by a stopped sender
 */
@ConfigurationProperties("appeals.mail")
public record MailProperties(@DefaultValue("true") boolean enabled, Set<MailKind> topics,
                             @DefaultValue("appeals-noreply@appeals.local") String from,
                             @DefaultValue("supervisors@appeals.local") String supervisors,
                             Map<String, String> departments,
                             @DefaultValue("{code}@appeals.local") String defaultAddressPattern,
                             @DefaultValue("10s") Duration timeout,
                             @DefaultValue("08:30") LocalTime digestTime,
                             @DefaultValue("Asia/Shanghai") ZoneId zone,
                             @DefaultValue("1m") Duration retryInitial,
                             @DefaultValue("30m") Duration retryMax,
                             @DefaultValue("24h") Duration giveUpAfter,
                             @DefaultValue("30s") Duration sweepInterval,
                             @DefaultValue("5m") Duration staleAfter) {

    public MailProperties {
        topics = topics == null ? EnumSet.allOf(MailKind.class) : Set.copyOf(topics);
        departments = departments == null ? Map.of() : Map.copyOf(departments);
    }

    public Mailboxes mailboxes() {
        return new Mailboxes(departments, defaultAddressPattern, supervisors);
    }
}
