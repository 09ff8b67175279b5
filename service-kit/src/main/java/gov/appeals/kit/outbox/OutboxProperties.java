package gov.appeals.kit.outbox;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code appeals.outbox.*}.
 *
 * @param sweepInterval     how often the relay retries what it could not publish
 * @param staleAfter        how old a pending event must be before a store scan takes it over from the relay that
 *                          wrote it
 * @param sweepBatch        the most aggregates one scan round reads
 * @param sweepTimeout      the most one sweep round may take
 * @param maxInFlight       the most aggregates relayed at once right after their writes
 * @param retryCapacity     the most aggregate ids remembered for a retry; past that the next round scans the store
 * @param fullScanInterval  how often the store is scanned for pending events anyway (at start-up, and as a
 *                          backstop for what another instance wrote and left when it stopped)
 */
@ConfigurationProperties("appeals.outbox")
public record OutboxProperties(@DefaultValue("5s") Duration sweepInterval, @DefaultValue("5s") Duration staleAfter,
                               @DefaultValue("200") int sweepBatch, @DefaultValue("2m") Duration sweepTimeout,
                               @DefaultValue("64") int maxInFlight, @DefaultValue("100000") int retryCapacity,
                               @DefaultValue("10m") Duration fullScanInterval) {
}
