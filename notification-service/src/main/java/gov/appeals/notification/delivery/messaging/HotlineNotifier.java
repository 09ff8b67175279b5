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
import gov.appeals.notification.delivery.Delivery;
import gov.appeals.notification.delivery.store.DeliveryStore;
import gov.appeals.notification.notice.Notice;
import gov.appeals.notification.notice.store.NoticeLedger;
import gov.appeals.reference.Department;
import gov.appeals.reference.ReferenceData;
import reactor.core.publisher.Mono;

/**
 * Tells the 12345 system about one event, once per event id as far as this service can know, in the order the
 * appeal's events stand on its partition.
 *
 * <p>Called by the consumer on the Kafka listener thread, and waits there, each wait bounded: for MongoDB (has the
 * event been handled?) and for the 12345 answer (the sender's connect and response timeouts). It returns the write
 * of the outcome, which the kit's consumer awaits, bounded by {@code appeals.messaging.handler-timeout}. The outcome
 * is written only after 12345 confirmed the callback: a failed callback ({@code CallbackFailedException}: down,
 * slow, 5xx) leaves nothing behind and propagates, so the kit retries the event with capped back-off while the
 * partition waits, and the appeal's later stages reach 12345 only after it. A crash between the POST and the write
 * sends the callback again with the same {@code X-Appeal-Event-Id}, which 12345 can drop.
 */
@Component
public class HotlineNotifier {

    private static final Logger log = LoggerFactory.getLogger(HotlineNotifier.class);

    /** Bounds the dedupe read; far above a healthy round trip, far below the consumer's max.poll.interval. */
    static final Duration STORE_TIMEOUT = Duration.ofSeconds(10);

    /** The recipient of every callback notice: the 12345 system. */
    static final String HOTLINE = "12345";

    private final DeliveryStore deliveries;
    private final NoticeLedger ledger;
    private final HotlineCallbackSender sender;
    private final ReferenceData reference;
    private final Clock clock;

    public HotlineNotifier(DeliveryStore deliveries, NoticeLedger ledger, HotlineCallbackSender sender,
                           ReferenceData reference, Clock clock) {
        this.deliveries = deliveries;
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
        DeliveryStore.Seen seen = deliveries.read(event.appealId()).block(STORE_TIMEOUT);
        if (seen != null && seen.holds(event.eventId())) {
            log.debug("Event {} of appeal {} already handled, not calling back again", event.eventId(),
                    event.appealId());
            return Mono.just(false);
        }
        String lead = StatusCallbacks.leadAfter(event, seen == null ? null : seen.lead());
        Delivery delivery = StatusCallbacks.concernsHotline(event) ? callBack(event, lead)
                : Delivery.skipped(event, clock.instant());
        return (seen == null ? deliveries.record(delivery, lead) : deliveries.record(delivery, lead, seen))
                .doOnNext(recorded -> {
                    if (!recorded) {
                        log.info("Event {} of appeal {} was recorded meanwhile; the outcome already there stays",
                                event.eventId(), event.appealId());
                    }
                });
    }

    /**
     * Calls back, with a CALLBACK notice in the ledger: claimed before the first attempt (a retry or a redelivery finds
     * it claimed and sends again: 12345 drops a repeat by its idempotency key), settled SENT or FAILED after.
     */
    private Delivery callBack(AppealEvent event, String lead) {
        StatusCallback callback = StatusCallbacks.of(event, lead,
                lead == null ? null : reference.unit(lead).map(Department::name).orElse(lead));
        Notice notice = Notice.pending(event, Notice.Channel.CALLBACK, HOTLINE, callback.stage(),
                callback.stage() + " " + callback.number(), clock.instant());
        ledger.claim(notice).block(STORE_TIMEOUT);
        int httpStatus;
        try {
            httpStatus = sender.send(callback);
        } catch (CallbackRefusedException refused) {
            ledger.settle(notice, Notice.State.FAILED, clock.instant(), refused.getMessage()).block(STORE_TIMEOUT);
            throw new UnprocessableMessageException(refused.getMessage(), refused);
        }
        ledger.settle(notice, Notice.State.SENT, clock.instant(), "HTTP " + httpStatus).block(STORE_TIMEOUT);
        log.info("Called back 12345 for appeal {} ({}): {} answered {}", event.appealId(),
                event.appeal().externalId(), event.type(), httpStatus);
        return Delivery.delivered(event, sender.callbackUrl().toString(), httpStatus, clock.instant());
    }
}
