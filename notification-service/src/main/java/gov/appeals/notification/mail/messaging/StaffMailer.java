package gov.appeals.notification.mail.messaging;

import org.springframework.stereotype.Component;

import gov.appeals.events.AppealEvent;
import gov.appeals.notification.mail.StaffMails;
import gov.appeals.notification.mail.store.MailStore;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Handles one event for e-mail: keeps the appeal's facts and the overdue set, then sends the mails the event causes,
 * side by side (each send bounded by {@code appeals.mail.timeout}, below the consumer's handler timeout). A mail the
 * server does not take is retried later by the sweep; only a failing store fails the event (the kit retries it, and
 * the ledger keeps mails already claimed from going twice).
 */
@Component
public class StaffMailer {

    private final MailStore store;
    private final StaffMails mails;
    private final MailDelivery delivery;

    public StaffMailer(MailStore store, StaffMails mails, MailDelivery delivery) {
        this.store = store;
        this.mails = mails;
        this.delivery = delivery;
    }

    public Mono<Void> handle(AppealEvent event) {
        if (!StaffMails.concerns(event)) {
            return Mono.empty();
        }
        return store.learn(event)
                .flatMap(facts -> store.track(event, facts)
                        .then(Flux.fromIterable(mails.of(event, facts))
                                .flatMap(mail -> delivery.deliver(event.appealId(), event.eventId(), mail), 8)
                                .then()));
    }
}
