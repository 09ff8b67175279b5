package gov.appeals.notification.delivery.messaging;

import java.time.Clock;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import gov.appeals.events.AppealEvent;
import gov.appeals.kit.messaging.UnprocessableMessageException;
import gov.appeals.notification.callback.StatusCallbacks;
import gov.appeals.notification.callback.web.CallbackRefusedException;
import gov.appeals.notification.callback.web.HotlineCallbackSender;
import gov.appeals.notification.delivery.Delivery;
import gov.appeals.notification.delivery.store.DeliveryStore;
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

    private final DeliveryStore deliveries;
    private final HotlineCallbackSender sender;
    private final Clock clock;

    public HotlineNotifier(DeliveryStore deliveries, HotlineCallbackSender sender, Clock clock) {
        this.deliveries = deliveries;
        this.sender = sender;
        this.clock = clock;
    }

    /**
     * @return the recording of the outcome (true when recorded now); false at once when the event had been handled
     * before
     * @throws UnprocessableMessageException when 12345 refuses this callback for good (dead-lettered at once)
     */
    public Mono<Boolean> handle(AppealEvent event) {
        DeliveryStore.Seen seen = deliveries.read(event.appealId()).block(STORE_TIMEOUT);
        if (seen != null && seen.holds(event.eventId())) {
            log.debug("Event {} of appeal {} already handled, not calling back again", event.eventId(),
                    event.appealId());
            return Mono.just(false);
        }
        Delivery delivery = StatusCallbacks.concernsHotline(event) ? callBack(event)
                : Delivery.skipped(event, clock.instant());
        return (seen == null ? deliveries.record(delivery) : deliveries.record(delivery, seen)).doOnNext(recorded -> {
            if (!recorded) {
                log.info("Event {} of appeal {} was recorded meanwhile; the outcome already there stays",
                        event.eventId(), event.appealId());
            }
        });
    }

    private Delivery callBack(AppealEvent event) {
        int httpStatus;
        try {
            httpStatus = sender.send(StatusCallbacks.of(event));
        } catch (CallbackRefusedException refused) {
            throw new UnprocessableMessageException(refused.getMessage(), refused);
        }
        log.info("Called back 12345 for appeal {} ({}): {} answered {}", event.appealId(),
                event.appeal().externalId(), event.type(), httpStatus);
        return Delivery.delivered(event, sender.callbackUrl().toString(), httpStatus, clock.instant());
    }
}
