package gov.appeals.notification.inbox.messaging;

import java.time.Clock;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import gov.appeals.events.AppealEvent;
import gov.appeals.notification.inbox.AppealFacts;
import gov.appeals.notification.inbox.InboxItem;
import gov.appeals.notification.inbox.InboxItems;
import gov.appeals.notification.inbox.NewItems;
import gov.appeals.notification.inbox.store.InboxStore;
import gov.appeals.notification.notice.Notice;
import gov.appeals.notification.notice.store.NoticeLedger;
import gov.appeals.reference.ReferenceData;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Puts each event's items in the units' inboxes, once: each item is claimed in the notice ledger (channel INBOX,
 * recipient the unit, topic the kind), stored under its own id (a second insert adds nothing), told to the live
 * streams of this instance when it is new, and its notice settled SENT. A redelivered event finds the notices and
 * items there and changes nothing; one that died between the claim and the settle stores the item (if it is not
 * there yet) and settles the notice, which is safe because storing an item is idempotent.
 */
@Component
public class InboxFiller {

    private static final Logger log = LoggerFactory.getLogger(InboxFiller.class);

    private final InboxStore store;
    private final NoticeLedger ledger;
    private final ObjectProvider<NewItems> listeners;
    private final String triageUnit;
    private final Clock clock;

    public InboxFiller(InboxStore store, NoticeLedger ledger, ObjectProvider<NewItems> listeners,
                       ReferenceData reference, Clock clock) {
        this.store = store;
        this.ledger = ledger;
        this.listeners = listeners;
        this.triageUnit = reference.triageUnit().code();
        this.clock = clock;
    }

    public Mono<Void> handle(AppealEvent event) {
        if (!InboxItems.concerns(event)) {
            return Mono.empty();
        }
        return store.facts(event.appealId()).flatMap(known -> {
            List<InboxItem> items = InboxItems.of(event, known, triageUnit);
            Mono<Void> learn = InboxItems.teaches(event) ? store.remember(InboxItems.remember(event, known))
                    : Mono.empty();
            return learn.then(Flux.fromIterable(items).concatMap(this::deliver).then());
        });
    }

    private Mono<Void> deliver(InboxItem item) {
        Notice notice = Notice.pending(item.appealId(), item.eventId(), Notice.Channel.INBOX, item.unit(),
                item.kind().name(), item.text(), clock.instant());
        return ledger.claim(notice)
                .flatMap(claimed -> store.insert(item).flatMap(stored -> {
                    if (stored) {
                        log.info("Inbox of {}: {} for appeal {}", item.unit(), item.kind(), item.appealId());
                        listeners.orderedStream().forEach(listener -> tell(listener, item));
                    } else if (claimed) {
                        log.debug("Inbox item {} was there already", item.id());
                    }
                    return ledger.settle(notice, Notice.State.SENT, clock.instant(), "in the inbox");
                }))
                .then();
    }

    private static void tell(NewItems listener, InboxItem item) {
        try {
            listener.stored(item);
        } catch (RuntimeException e) {
            // The item is stored: a stream that cannot take it loses a live update, not the item.
            log.warn("A live inbox stream could not take item {}: {}", item.id(), e.toString());
        }
    }
}
