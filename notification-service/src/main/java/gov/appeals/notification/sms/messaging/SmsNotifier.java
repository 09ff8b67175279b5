package gov.appeals.notification.sms.messaging;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import gov.appeals.events.AppealAccepted;
import gov.appeals.events.AppealEvent;
import gov.appeals.notification.notice.Backoff;
import gov.appeals.notification.notice.Notice;
import gov.appeals.notification.notice.store.NoticeLedger;
import gov.appeals.notification.preference.Preference;
import gov.appeals.notification.preference.Preferences;
import gov.appeals.notification.preference.store.PreferenceStore;
import gov.appeals.notification.sms.SmsContact;
import gov.appeals.notification.sms.SmsMessage;
import gov.appeals.notification.sms.SmsMessages;
import gov.appeals.notification.sms.store.SmsStore;
import gov.appeals.notification.sms.web.SmsGatewayClient;
import gov.appeals.notification.sms.web.SmsProperties;
import reactor.core.publisher.Mono;

/**
 * Texts the enterprise's contact about its appeal, each message once (the notice ledger), never in quiet hours
 * unless the appeal is urgent, and as the preferences allow: the enterprise's own (by its credit code), else the
 * service's ({@link Preferences}), asked again when a deferred or retried message is due.
 *
 * <p>Per message: its text is kept under the notice's id, then the notice is claimed (PENDING to send now, DEFERRED
 * until the end of quiet hours, or settled SUPPRESSED); only the call that claimed it sends it. The gateway's answer
 * settles it: SENT, FAILED for a refusal, or back to DEFERRED with a capped, jittered back-off when the gateway
 * could not take it now, until {@code give-up-after} makes it FAILED. The sweep sends what is due: deferred messages
 * whose time came, and PENDING ones a stopped instance left behind; re-sending those is safe because the gateway
 * gets the same message id as idempotency key.
 *
 * <p>Runs on the Kafka listener thread and on the scheduler thread, never on a Reactor thread; every wait is bounded.
 * Phone numbers are logged masked only.
 */
@Component
public class SmsNotifier {

    private static final Logger log = LoggerFactory.getLogger(SmsNotifier.class);

    static final Duration STORE_TIMEOUT = Duration.ofSeconds(10);
    static final int SWEEP_BATCH = 100;

    private final NoticeLedger ledger;
    private final SmsStore store;
    private final SmsGatewayClient gateway;
    private final SmsMessages messages;
    private final Preferences preferences;
    private final PreferenceStore preferenceStore;
    private final Backoff backoff;
    private final SmsProperties properties;
    private final Clock clock;

    public SmsNotifier(NoticeLedger ledger, SmsStore store, SmsGatewayClient gateway, SmsMessages messages,
                       Preferences preferences, PreferenceStore preferenceStore, SmsProperties properties,
                       Clock clock) {
        this.ledger = ledger;
        this.store = store;
        this.gateway = gateway;
        this.messages = messages;
        this.preferences = preferences;
        this.preferenceStore = preferenceStore;
        this.backoff = new Backoff(properties.retryInitial(), properties.retryMax());
        this.properties = properties;
        this.clock = clock;
    }

    /** The consumer's handler: the event's messages, as of now. */
    public Mono<Boolean> handle(AppealEvent event) {
        return Mono.just(handle(event, clock.instant()));
    }

    /**
     * The event's messages as of {@code now} (quiet hours are judged at {@code now}).
     *
     * @return whether any message was claimed by this call
     */
    public boolean handle(AppealEvent event, Instant now) {
        if (!SmsMessages.concernsContact(event)) {
            return false;
        }
        SmsContact contact;
        if (event instanceof AppealAccepted accepted) {
            contact = SmsMessages.contactOf(accepted);
            if (contact == null) {
                log.info("Appeal {} names no contact phone; no SMS about it", event.appealId());
                return false;
            }
            store.keep(contact).block(STORE_TIMEOUT);
        } else {
            contact = store.contact(event.appealId()).block(STORE_TIMEOUT);
            if (contact == null) {
                log.info("No contact phone known for appeal {} (accepted before SMS was recorded); no SMS for {}",
                        event.appealId(), event.type());
                return false;
            }
        }
        boolean claimed = false;
        for (SmsMessage message : messages.of(event, contact)) {
            claimed |= notify(event, contact, message, now);
        }
        return claimed;
    }

    private boolean notify(AppealEvent event, SmsContact contact, SmsMessage message, Instant now) {
        String recipient = contact.maskedPhone();
        String summary = message.topic() + " " + contact.number();
        Preferences.Decision decision = decide(contact.creditCode(), message.topic(), contact.urgent(), now);
        if (decision instanceof Preferences.Suppress suppressed) {
            String suppression = suppressed.reason();
            Notice notice = Notice.pending(event, Notice.Channel.SMS, recipient, message.topic(), summary, now);
            if (Boolean.TRUE.equals(ledger.claim(notice).block(STORE_TIMEOUT))) {
                ledger.settle(notice, Notice.State.SUPPRESSED, now, suppression).block(STORE_TIMEOUT);
                log.info("SMS {} for appeal {} to {} suppressed: {}", message.topic(), event.appealId(), recipient,
                        suppression);
                return true;
            }
            return false;
        }
        String noticeId = Notice.idOf(event.eventId(), Notice.Channel.SMS, recipient, message.topic());
        SmsStore.MessageDocument text = new SmsStore.MessageDocument(noticeId, event.appealId(), contact.phone(),
                message.text(), contact.urgent(), contact.creditCode());
        // The text first: a claimed notice always finds its text, whoever sends it.
        store.keep(text).block(STORE_TIMEOUT);
        Optional<Instant> notBefore = decision instanceof Preferences.Defer defer
                ? Optional.of(defer.until()) : Optional.empty();
        Notice notice = notBefore.map(until -> Notice.deferred(event, Notice.Channel.SMS, recipient, message.topic(),
                        summary, now, until))
                .orElseGet(() -> Notice.pending(event, Notice.Channel.SMS, recipient, message.topic(), summary, now));
        if (!Boolean.TRUE.equals(ledger.claim(notice).block(STORE_TIMEOUT))) {
            log.debug("SMS {} for event {} of appeal {} exists already; not sent again", message.topic(),
                    event.eventId(), event.appealId());
            return false;
        }
        if (notBefore.isPresent()) {
            log.info("SMS {} for appeal {} to {} deferred to {} (quiet hours)", message.topic(), event.appealId(),
                    recipient, notBefore.get());
        } else {
            deliver(notice, text, now);
        }
        return true;
    }

    /** The enterprise's SMS preference (the service's when it has none) on one message at {@code at}. */
    private Preferences.Decision decide(String creditCode, String topic, boolean urgent, Instant at) {
        Preference stored = preferenceStore.find(Preference.Channel.SMS, creditCode).block(STORE_TIMEOUT);
        return preferences.decide(Preference.Channel.SMS, stored, topic, urgent, at);
    }

    /** Sends a claimed (PENDING) notice and settles or postpones it by the gateway's answer. */
    void deliver(Notice notice, SmsStore.MessageDocument text, Instant now) {
        SmsGatewayClient.Result result = gateway.send(SmsGatewayClient.messageId(notice.id()), text.phone(),
                text.text());
        Instant at = clock.instant();
        if (result instanceof SmsGatewayClient.Sent sent) {
            ledger.settle(notice, Notice.State.SENT, at, sent.outcome()).block(STORE_TIMEOUT);
            log.info("SMS {} for appeal {} to {} sent: {}", notice.topic(), notice.appealId(), notice.recipient(),
                    sent.outcome());
        } else if (result instanceof SmsGatewayClient.Refused refused) {
            ledger.settle(notice, Notice.State.FAILED, at, "gateway refused it: HTTP " + refused.status())
                    .block(STORE_TIMEOUT);
            log.warn("SMS {} for appeal {} to {} refused by the gateway with HTTP {}; not sent", notice.topic(),
                    notice.appealId(), notice.recipient(), refused.status());
        } else {
            retryLater(notice, text, ((SmsGatewayClient.Unavailable) result).reason(), at);
        }
    }

    private void retryLater(Notice notice, SmsStore.MessageDocument text, String reason, Instant now) {
        Instant since = store.failingSince(notice.id(), now).block(STORE_TIMEOUT);
        if (since != null && !now.isBefore(since.plus(properties.giveUpAfter()))) {
            ledger.settle(notice, Notice.State.FAILED, now, "given up after " + properties.giveUpAfter()
                    + " of failures: " + reason).block(STORE_TIMEOUT);
            log.warn("SMS {} for appeal {} to {} given up: the gateway failed it since {} ({})", notice.topic(),
                    notice.appealId(), notice.recipient(), since, reason);
            return;
        }
        Instant next = now.plus(backoff.after(notice.attempts() + 1));
        if (decide(text.creditCode(), notice.topic(), text.urgent(), next) instanceof Preferences.Defer defer) {
            next = defer.until();
        }
        ledger.postpone(notice.id(), next, reason).block(STORE_TIMEOUT);
        log.info("SMS {} for appeal {} to {} not taken ({}); next attempt at {}", notice.topic(), notice.appealId(),
                notice.recipient(), reason, next);
    }

    /** Sends the SMS notices that are due: deferred ones whose time came, and stale PENDING ones. */
    @Scheduled(fixedDelayString = "${appeals.sms.sweep-interval:10s}",
            initialDelayString = "${appeals.sms.sweep-interval:10s}")
    public void sweep() {
        try {
            Instant now = clock.instant();
            List<Notice> due = ledger.due(Notice.Channel.SMS, now, properties.staleAfter(), SWEEP_BATCH)
                    .collectList().block(STORE_TIMEOUT);
            for (Notice found : due == null ? List.<Notice>of() : due) {
                resume(found, clock.instant());
            }
        } catch (RuntimeException e) {
            log.warn("SMS sweep round ended early (the next one goes on): {}", e.toString());
        }
    }

    private void resume(Notice found, Instant now) {
        Notice taken = ledger.retake(found, now).block(STORE_TIMEOUT);
        if (taken == null) {
            return;
        }
        SmsStore.MessageDocument text = store.message(taken.id()).block(STORE_TIMEOUT);
        if (text == null) {
            ledger.settle(taken, Notice.State.FAILED, now, "message text missing").block(STORE_TIMEOUT);
            log.warn("SMS notice {} of appeal {} has no text stored; settled failed", taken.topic(),
                    taken.appealId());
            return;
        }
        Preferences.Decision decision = decide(text.creditCode(), taken.topic(), text.urgent(), now);
        if (decision instanceof Preferences.Suppress suppressed) {
            ledger.settle(taken, Notice.State.SUPPRESSED, now, suppressed.reason()).block(STORE_TIMEOUT);
            log.info("SMS {} for appeal {} to {} suppressed when due: {}", taken.topic(), taken.appealId(),
                    taken.recipient(), suppressed.reason());
            return;
        }
        if (decision instanceof Preferences.Defer defer) {
            ledger.postpone(taken.id(), defer.until(), "quiet hours").block(STORE_TIMEOUT);
            return;
        }
        if (found.state() == Notice.State.PENDING) {
            log.info("SMS {} for appeal {} to {} was left pending; sending it again with the same message id",
                    taken.topic(), taken.appealId(), taken.recipient());
        }
        deliver(taken, text, now);
    }
}
