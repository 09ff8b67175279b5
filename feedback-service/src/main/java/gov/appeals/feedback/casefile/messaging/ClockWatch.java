package gov.appeals.feedback.casefile.messaging;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import gov.appeals.feedback.casefile.CaseSupervision;
import gov.appeals.feedback.casefile.SupervisionRules;
import gov.appeals.feedback.casefile.store.CaseChanges;
import gov.appeals.feedback.casefile.store.CaseStore;
import reactor.core.publisher.Mono;

/**
 * Fires the clocks: every {@code appeals.clocks.scan-interval} it reads the cases whose next alarm is due (an
 * indexed field the store keeps with each case) and fires their alarms. Any number of instances may run it at
 * once: an alarm is recorded in the case by the same guarded write that puts its events in the outbox, so of two
 * instances firing one alarm exactly one write succeeds and the other, deciding again, finds it fired. A restart
 * changes nothing: what fired is in the store.
 */
@Component
public class ClockWatch {

    private static final Logger LOG = LoggerFactory.getLogger(ClockWatch.class);

    private final CaseStore store;
    private final CaseChanges changes;
    private final SupervisionRules rules;
    private final Clock clock;
    private final int batch;
    private final Duration roundTimeout;

    public ClockWatch(CaseStore store, CaseChanges changes, SupervisionRules rules, Clock clock,
                      @Value("${appeals.clocks.batch:200}") int batch,
                      @Value("${appeals.clocks.round-timeout:60s}") Duration roundTimeout) {
        this.store = store;
        this.changes = changes;
        this.rules = rules;
        this.clock = clock;
        this.batch = batch;
        this.roundTimeout = roundTimeout;
    }

    /** Rounds one scan may run back to back when they keep finding full batches (a backlog after an outage). */
    private static final int ROUNDS_PER_SCAN = 20;

    @Scheduled(fixedDelayString = "${appeals.clocks.scan-interval:15s}",
            initialDelayString = "${appeals.clocks.scan-interval:15s}")
    public void scan() {
        // A full batch means more may be due: go on at once rather than wait for the next scan.
        for (int round = 0; round < ROUNDS_PER_SCAN && round() >= batch; round++) {
            LOG.debug("A full batch of cases had alarms due; looking for more");
        }
    }

    /**
     * One round: fires what is due now. Runs on the scheduler's thread, never a Reactor one, and waits (bounded)
     * so that two rounds of one instance never overlap.
     *
     * @return how many cases were due
     */
    public int round() {
        AtomicInteger due = new AtomicInteger();
        store.withAlarmDue(clock.instant(), batch)
                .doOnNext(id -> due.incrementAndGet())
                .concatMap(id -> changes.change(id, file -> CaseSupervision.fire(file, clock.instant(), rules,
                                () -> UUID.randomUUID().toString()))
                        .onErrorResume(e -> {
                            LOG.warn("Alarms of appeal {} not fired in this round, the next one retries: {}", id,
                                    e.toString());
                            return Mono.empty();
                        }))
                .then()
                .timeout(roundTimeout)
                .onErrorResume(e -> {
                    LOG.warn("Clock round ended early (the next one goes on): {}", e.toString());
                    return Mono.empty();
                })
                .block(roundTimeout.plusSeconds(5));
        return due.get();
    }
}
