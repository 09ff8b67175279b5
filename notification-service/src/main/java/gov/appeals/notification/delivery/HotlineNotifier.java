package gov.appeals.notification.delivery;

import java.time.Clock;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import gov.appeals.events.AppealEvent;
import gov.appeals.notification.callback.StatusCallbacks;
import gov.appeals.notification.hotline.HotlineCallbackSender;

/**
 * Tells the 12345 system about one event, at most once per event id as far as this service can know.
 *
 * <p>Runs on the Kafka listener thread and waits there for MongoDB and for the 12345 answer: an imperative binder
 * function must know the outcome before it returns, or the binder could neither retry nor dead-letter the event.
 * The record is written only after the callback succeeded, so a failed callback leaves nothing behind and is tried
 * again; a crash between the POST and the record resends the callback with the same {@code X-Appeal-Event-Id}.
 */
@Service
public class HotlineNotifier {

    private static final Logger log = LoggerFactory.getLogger(HotlineNotifier.class);

    /** Bounds each MongoDB wait; far above a healthy round trip, well below the consumer's max.poll.interval. */
    private static final Duration STORE_TIMEOUT = Duration.ofSeconds(10);

    private final DeliveryStore deliveries;
    private final HotlineCallbackSender sender;
    private final Clock clock;

    public HotlineNotifier(DeliveryStore deliveries, HotlineCallbackSender sender) {
        this.deliveries = deliveries;
        this.sender = sender;
        this.clock = Clock.systemUTC();
    }

    public void handle(AppealEvent event) {
        if (Boolean.TRUE.equals(deliveries.isRecorded(event.eventId()).block(STORE_TIMEOUT))) {
            log.debug("Event {} of appeal {} already handled, not calling back again", event.eventId(),
                    event.appealId());
            return;
        }
        Delivery delivery;
        if (StatusCallbacks.concernsHotline(event)) {
            int httpStatus = sender.send(StatusCallbacks.of(event));
            delivery = Delivery.delivered(event, sender.callbackUrl(), httpStatus, clock.instant());
            log.info("Called back 12345 for appeal {} ({}): {} answered {}", event.appealId(),
                    event.appeal().externalId(), event.type(), httpStatus);
        } else {
            delivery = Delivery.skipped(event, clock.instant());
            log.debug("Appeal {} came in through {}, no 12345 callback for {}", event.appealId(),
                    event.appeal().source(), event.type());
        }
        deliveries.record(delivery).block(STORE_TIMEOUT);
    }
}
