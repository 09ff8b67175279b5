package gov.appeals.kit.outbox;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code appeals.outbox.*}.
 *
 * @param sweepInterval how often pending events are looked for
 * @param staleAfter    how old a pending event must be before the sweep takes it over from the relay that wrote it
 * @param sweepBatch    the most aggregates one sweep round reads
 * @param sweepTimeout  the most one sweep round may take
 * @param maxInFlight   the most aggregates relayed at once right after their writes
 */
@ConfigurationProperties("appeals.outbox")
public record OutboxProperties(@DefaultValue("5s") Duration sweepInterval, @DefaultValue("5s") Duration staleAfter,
                               @DefaultValue("200") int sweepBatch, @DefaultValue("2m") Duration sweepTimeout,
                               @DefaultValue("64") int maxInFlight) {
}
