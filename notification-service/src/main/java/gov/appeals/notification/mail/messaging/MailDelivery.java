package gov.appeals.notification.mail.messaging;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import gov.appeals.notification.mail.Mail;
import gov.appeals.notification.mail.store.MailStore;
import gov.appeals.notification.notice.Backoff;
import gov.appeals.notification.notice.Notice;
import gov.appeals.notification.notice.store.NoticeLedger;
import gov.appeals.notification.preference.Preference;
import gov.appeals.notification.preference.Preferences;
import gov.appeals.notification.preference.store.PreferenceStore;
import reactor.core.publisher.Mono;

/**
 * Sends each mail once: the notice (event id, EMAIL, address, kind) is claimed in the ledger before the mail goes to
 * the SMTP server and settled after. A mail already claimed is not sent again (redelivery, restart, a second
 * instance). A kind switched off, for the service or by the unit's own preference ({@link Preferences}), is settled
 * SUPPRESSED. A failure that may pass puts the notice back DEFERRED with a
 * capped, growing pause, keeping the text in {@code mail_outbox}; the sweep retries it until
 * {@code appeals.mail.give-up-after} after the first try, then settles it FAILED. A notice left PENDING by a stopped
 * sender is settled FAILED "unknown after restart": SMTP has no idempotency key, and sending again could deliver it
 * twice.
 */
@Component
public class MailDelivery {

    private static final Logger log = LoggerFactory.getLogger(MailDelivery.class);

    static final String UNKNOWN_AFTER_RESTART = "unknown after restart";

    private final NoticeLedger ledger;
    private final MailStore store;
    private final SmtpMailer mailer;
    private final MailProperties properties;
    private final Backoff backoff;
    private final Preferences preferences;
    private final PreferenceStore preferenceStore;
    private final Clock clock;

    public MailDelivery(NoticeLedger ledger, MailStore store, SmtpMailer mailer, MailProperties properties,
                        Preferences preferences, PreferenceStore preferenceStore, Clock clock) {
        this.ledger = ledger;
        this.store = store;
        this.mailer = mailer;
        this.properties = properties;
        this.backoff = new Backoff(properties.retryInitial(), properties.retryMax());
        this.preferences = preferences;
        this.preferenceStore = preferenceStore;
        this.clock = clock;
    }

    /** @return true when the mail was claimed now (sent, suppressed or deferred); false when it existed already */
    public Mono<Boolean> deliver(String appealId, String eventId, Mail mail) {
        Notice notice = Notice.pending(appealId, eventId, Notice.Channel.EMAIL, mail.to(), mail.topic(),
                mail.summary(), clock.instant());
        return ledger.claim(notice).flatMap(claimed -> {
            if (!claimed) {
                log.debug("Mail {} was claimed before, not sent again", notice.id());
                return Mono.just(false);
            }
            return preferenceStore.find(Preference.Channel.EMAIL, mail.unit())
                    .map(Optional::of).defaultIfEmpty(Optional.empty())
                    .flatMap(stored -> {
                        Instant now = clock.instant();
                        if (preferences.decide(Preference.Channel.EMAIL, stored.orElse(null), mail.topic(), false,
                                now) instanceof Preferences.Suppress suppressed) {
                            log.info("Mail {} about appeal {} to {} suppressed: {}", mail.kind(), appealId,
                                    mail.unit(), suppressed.reason());
                            return ledger.settle(notice, Notice.State.SUPPRESSED, now, suppressed.reason())
                                    .thenReturn(true);
                        }
                        return send(notice, mail, now).thenReturn(true);
                    });
        });
    }

    /** Retries a DEFERRED mail notice whose time came, or settles a stale PENDING one. */
    public Mono<Void> retry(Notice due) {
        Instant now = clock.instant();
        if (due.state() == Notice.State.PENDING) {
            log.warn("Mail notice {} was left pending by a stopped sender; not sent again", due.id());
            return ledger.settle(due, Notice.State.FAILED, now, UNKNOWN_AFTER_RESTART)
                    .then(store.forget(due.id()));
        }
        return ledger.retake(due, now).flatMap(taken -> store.outgoing(taken.id())
                .flatMap(outgoing -> {
                    if (!outgoing.firstTriedAt().plus(properties.giveUpAfter()).isAfter(now)) {
                        return ledger.settle(taken, Notice.State.FAILED, now, "given up after "
                                + properties.giveUpAfter() + ": " + due.outcome()).then(store.forget(taken.id()));
                    }
                    return send(taken, outgoing.mail(), outgoing.firstTriedAt());
                })
                .switchIfEmpty(Mono.defer(() -> ledger.settle(taken, Notice.State.FAILED, now,
                        "the mail's text was not kept").then())))
                .then();
    }

    private Mono<Void> send(Notice notice, Mail mail, Instant firstTriedAt) {
        return mailer.send(notice.id(), mail)
                .then(Mono.defer(() -> ledger.settle(notice, Notice.State.SENT, clock.instant(),
                        "accepted by the SMTP server")))
                .then(Mono.defer(() -> notice.attempts() > 0 ? store.forget(notice.id()) : Mono.<Void>empty()))
                .doOnSuccess(ok -> log.info("Mailed {} about appeal {} ({})", mail.kind(), notice.appealId(),
                        notice.eventId()))
                .onErrorResume(failure -> failed(notice, mail, firstTriedAt, failure));
    }

    private Mono<Void> failed(Notice notice, Mail mail, Instant firstTriedAt, Throwable failure) {
        Instant now = clock.instant();
        String outcome = failure.getClass().getSimpleName() + ": " + failure.getMessage();
        if (SmtpMailer.refusedForGood(failure)) {
            log.warn("SMTP server refused mail {} for good: {}", notice.id(), outcome);
            return ledger.settle(notice, Notice.State.FAILED, now, outcome).then(store.forget(notice.id()));
        }
        Instant notBefore = now.plus(backoff.after(notice.attempts() + 1));
        log.warn("Mail {} not sent ({}); retrying at {}", notice.id(), outcome, notBefore);
        return store.keep(notice.id(), mail, firstTriedAt)
                .then(ledger.postpone(notice.id(), notBefore, outcome))
                .then();
    }
}
