package gov.appeals.notification.mail.messaging;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import gov.appeals.notification.mail.OverdueAppeal;
import gov.appeals.notification.mail.StaffMails;
import gov.appeals.notification.mail.store.MailStore;
import gov.appeals.notification.notice.Notice;
import gov.appeals.notification.notice.store.NoticeLedger;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The daily digest: each department with overdue appeals gets one mail listing them (number, title, clock, deadline,
 * how long overdue). Its notice's event id is {@code digest-<day>-<department>}, so a second run of the same day, a
 * restart or a second instance sends nothing more. Also the sweep that retries deferred mail.
 *
 * <p>The schedule: every {@code appeals.mail.sweep-interval} the sweep runs, and once the day's
 * {@code appeals.mail.digest-time} (in {@code appeals.mail.zone}) has passed the day's digest is sent, so an instance
 * that was down at that moment sends it when it comes back. Both run on the scheduler's thread and wait, bounded.
 */
@Component
public class DailyDigest {

    private static final Logger log = LoggerFactory.getLogger(DailyDigest.class);

    private final MailStore store;
    private final StaffMails mails;
    private final MailDelivery delivery;
    private final NoticeLedger ledger;
    private final MailProperties properties;
    private final Clock clock;
    private final AtomicReference<LocalDate> digested = new AtomicReference<>();

    public DailyDigest(MailStore store, StaffMails mails, MailDelivery delivery, NoticeLedger ledger,
                       MailProperties properties, Clock clock) {
        this.store = store;
        this.mails = mails;
        this.delivery = delivery;
        this.ledger = ledger;
        this.properties = properties;
        this.clock = clock;
    }

    /** @return how many departments were mailed a digest now (0 when the day's digests had gone out before) */
    public Mono<Integer> sendFor(LocalDate day) {
        Instant now = clock.instant();
        return store.overdue().collectList().flatMap(overdue -> {
            Map<String, List<OverdueAppeal>> byDepartment = overdue.stream().collect(
                    Collectors.groupingBy(OverdueAppeal::department, TreeMap::new, Collectors.toList()));
            return Flux.fromIterable(byDepartment.entrySet())
                    .concatMap(e -> delivery.deliver(null, "digest-" + day + "-" + e.getKey(),
                            mails.digest(e.getKey(), day, e.getValue(), now)))
                    .filter(Boolean::booleanValue)
                    .count()
                    .map(Long::intValue);
        });
    }

    @Scheduled(fixedDelayString = "${appeals.mail.sweep-interval:30s}",
            initialDelayString = "${appeals.mail.sweep-interval:30s}")
    public void tick() {
        Duration bound = properties.timeout().multipliedBy(6);
        Instant now = clock.instant();
        Flux.defer(() -> ledger.due(Notice.Channel.EMAIL, now, properties.staleAfter(), 100))
                .concatMap(n -> delivery.retry(n).onErrorResume(e -> {
                    log.warn("Mail notice {} not retried now: {}", n.id(), e.toString());
                    return Mono.empty();
                }))
                .then()
                .timeout(bound)
                .onErrorResume(e -> {
                    log.warn("Mail sweep ended early (the next one goes on): {}", e.toString());
                    return Mono.empty();
                })
                .block(bound.plusSeconds(5));
        ZonedDateTime local = now.atZone(properties.zone());
        LocalDate today = local.toLocalDate();
        if (!today.equals(digested.get()) && !local.toLocalTime().isBefore(properties.digestTime())) {
            try {
                Integer sent = sendFor(today).block(bound);
                digested.set(today);
                log.info("Daily digest of {}: {} department(s) mailed now", today, sent);
            } catch (RuntimeException e) {
                log.warn("Daily digest of {} not sent yet, tried again at the next tick: {}", today, e.toString());
            }
        }
    }
}
