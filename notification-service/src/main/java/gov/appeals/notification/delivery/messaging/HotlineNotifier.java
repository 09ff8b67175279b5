package gov.appeals.notification.delivery.messaging;

import java.time.Clock;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import gov.appeals.events.AppealEvent;
import gov.appeals.events.AppealNotified;
import gov.appeals.kit.messaging.UnprocessableMessageException;
import gov.appeals.notification.callback.StatusCallback;
import gov.appeals.notification.callback.StatusCallbacks;
import gov.appeals.notification.callback.web.CallbackRefusedException;
import gov.appeals.notification.callback.web.HotlineCallbackSender;
import gov.appeals.notification.delivery.CallbackNotices;
import gov.appeals.notification.delivery.store.LeadStore;
import gov.appeals.notification.notice.Notice;
import gov.appeals.notification.notice.store.NoticeLedger;
import gov.appeals.reference.Department;
import gov.appeals.reference.ReferenceData;
import reactor.core.publisher.Mono;

/**
 * Tells the 12345 system about one event, once per event id as far as this service can know, in the order the
 * appeal's events stand on its partition; what became of it is the event's {@code CALLBACK} notice in the ledger
 * ({@link CallbackNotices}).
 *
 * <p>Called by the consumer on the Kafka listener thread, and waits there, each wait bounded: for MongoDB (the claim
 * of the notice, the appeal's lead) and for the 12345 answer (the sender's connect and response timeouts). It returns
 * the settling of the notice, which the kit's consumer awaits, bounded by {@code appeals.messaging.handler-timeout}.
 * The notice is settled SENT only after 12345 confirmed the callback: a failed callback ({@code
 * CallbackFailedException}: down, slow, 5xx) leaves it PENDING and propagates, so the kit retries the event with
 * capped back-off while the partition waits, and the appeal's later stages reach 12345 only after it. A retry, a
 * redelivery or a crash between the POST and the settling sends the callback again with the same
 * {@code X-Appeal-Event-Id}, which 12345 can drop; a notice settled SENT or SUPPRESSED is never sent again.
 */
@Component
public class HotlineNotifier {

    private static final Logger log = LoggerFactory.getLogger(HotlineNotifier.class);

    /** Bounds each store call; far above a healthy round trip, far below the consumer's max.poll.interval. */
    static final Duration STORE_TIMEOUT = Duration.ofSeconds(10);

    private final LeadStore leads;
    private final NoticeLedger ledger;
    private final HotlineCallbackSender sender;
    private final ReferenceData reference;
    private final Clock clock;

    public HotlineNotifier(LeadStore leads, NoticeLedger ledger, HotlineCallbackSender sender,
                           ReferenceData reference, Clock clock) {
        this.leads = leads;
        this.ledger = ledger;
        this.sender = sender;
        this.reference = reference;
        this.clock = clock;
    }

    /**
     * @return the recording of the outcome (true when recorded now); false at once when the event had been handled
     * before
     * @throws UnprocessableMessageException when 12345 refuses this callback for good (dead-lettered at once)
     */
    public Mono<Boolean> handle(AppealEvent event) {
        if (event instanceof AppealNotified) {
            // This service's own note on what it told whom: nothing to call back, nothing to record.
            return Mono.just(false);
        }
        if (!StatusCallbacks.concernsHotline(event)) {
            // An event recorded before is left as it is: the claim of its notice fails.
            return ledger.claim(CallbackNotices.skipped(event, clock.instant()));
        }
        Notice notice = CallbackNotices.pending(event, clock.instant());
        if (!claim(notice)) {
            log.debug("Event {} of appeal {} already handled, not calling back again", event.eventId(),
                    event.appealId());
            return Mono.just(false);
        }
        return callBack(event, notice);
    }

    /**
     * Claims the callback's notice, or takes it over where sending it again is what is wanted: PENDING (a failed
     * attempt, or a sender that stopped) or FAILED (12345 refused it, and an operator replays the event).
     *
     * @return false when the callback was settled SENT (or the event recorded as skipped) before
     */
    private boolean claim(Notice notice) {
        if (Boolean.TRUE.equals(ledger.claim(notice).block(STORE_TIMEOUT))) {
            return true;
        }
        Notice found = ledger.find(notice.id()).block(STORE_TIMEOUT);
        if (found != null && found.state() == Notice.State.FAILED) {
            ledger.retake(found, clock.instant()).block(STORE_TIMEOUT);
            return true;
        }
        return found == null || !found.state().settled();
    }

    /** Sends the callback, naming the appeal's lead after the event, and settles its notice SENT or FAILED. */
    private Mono<Boolean> callBack(AppealEvent event, Notice notice) {
        String lead = leadAfter(event);
        StatusCallback callback = StatusCallbacks.of(event, lead,
                lead == null ? null : reference.unit(lead).map(Department::name).orElse(lead));
        int httpStatus;
        try {
            httpStatus = sender.send(callback);
        } catch (CallbackRefusedException refused) {
            ledger.settle(notice, Notice.State.FAILED, clock.instant(), refused.getMessage()).block(STORE_TIMEOUT);
            throw new UnprocessableMessageException(refused.getMessage(), refused);
        }
        log.info("Called back 12345 for appeal {} ({}): {} answered {}", event.appealId(),
                event.appeal().externalId(), event.type(), httpStatus);
        return ledger.settle(notice, Notice.State.SENT, clock.instant(), CallbackNotices.answered(httpStatus))
                .doOnNext(settled -> {
                    if (!settled) {
                        log.info("Event {} of appeal {} was settled meanwhile; the outcome already there stays",
                                event.eventId(), event.appealId());
                    }
                });
    }

    /**
     * An event that names the lead keeps it before the callback goes out, so that a retry after a failed write
     * sends the same callback; any other event reads the lead its predecessors left.
     */
    private String leadAfter(AppealEvent event) {
        if (StatusCallbacks.movesLead(event)) {
            String lead = StatusCallbacks.leadAfter(event, null);
            leads.keep(event.appealId(), lead).block(STORE_TIMEOUT);
            return lead;
        }
        return leads.lead(event.appealId()).block(STORE_TIMEOUT);
    }
}
