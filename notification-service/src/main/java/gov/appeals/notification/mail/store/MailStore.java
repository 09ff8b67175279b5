package gov.appeals.notification.mail.store;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Repository;

import gov.appeals.events.AppealAssigned;
import gov.appeals.events.AppealClosed;
import gov.appeals.events.AppealEvent;
import gov.appeals.events.AppealOverdue;
import gov.appeals.events.AppealResponded;
import gov.appeals.events.AppealReturned;
import gov.appeals.events.AppealSigned;
import gov.appeals.events.ClockKind;
import gov.appeals.events.ExtensionDecided;
import gov.appeals.notification.mail.AppealFacts;
import gov.appeals.notification.mail.Mail;
import gov.appeals.notification.mail.MailKind;
import gov.appeals.notification.mail.OverdueAppeal;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * What e-mail keeps of its own: per appeal the facts its mails name ({@code mail_appeals}), the overdue appeals of each
 * department for the daily digest ({@code mail_overdue}, one document per appeal and clock), and the text of mails
 * that could not be sent yet, for their retries ({@code mail_outbox}, keyed by the notice id).
 *
 * <p>Events of one appeal arrive in order on one partition and are handled one at a time, so the read-then-write of
 * an appeal's facts does not race; every write is idempotent (a redelivered event writes the same again).
 */
@Repository
public class MailStore {

    static final String FACTS = "mail_appeals";
    static final String OVERDUE = "mail_overdue";
    static final String OUTBOX = "mail_outbox";

    record FactsDocument(String id, String number, String title, String lead, Instant answerBy) {
    }

    record OverdueDocument(String id, String appealId, String number, String title, String department,
                           ClockKind clock, Instant deadline) {
    }

    /** A mail waiting for a retry, and when it was first tried (retries give up a while after). */
    public record Outgoing(String id, MailKind kind, String unit, String to, String subject, String body,
                           Instant firstTriedAt) {

        public Mail mail() {
            return new Mail(kind, unit, to, subject, body);
        }
    }

    private final ReactiveMongoTemplate mongo;

    public MailStore(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The appeal's facts after the event, stored. */
    public Mono<AppealFacts> learn(AppealEvent event) {
        return mongo.findById(event.appealId(), FactsDocument.class, FACTS)
                .map(d -> new AppealFacts(d.id(), d.number(), d.title(), d.lead(), d.answerBy()))
                .defaultIfEmpty(AppealFacts.unknown(event.appealId()))
                .map(facts -> facts.after(event))
                .flatMap(f -> mongo.save(new FactsDocument(f.appealId(), f.number(), f.title(), f.lead(),
                        f.answerBy()), FACTS).thenReturn(f));
    }

    /**
     * Keeps the overdue set: an ANSWER or SIGN_FOR clock that ran out adds the appeal for the department; an answer,
     * a closure or a return removes it, an assignment to another department removes it from the old one, signing
     * removes its SIGN_FOR entry, an approved extension its ANSWER entry.
     */
    public Mono<Void> track(AppealEvent event, AppealFacts facts) {
        String appealId = event.appealId();
        if (event instanceof AppealOverdue o) {
            if (o.clock() != ClockKind.ANSWER && o.clock() != ClockKind.SIGN_FOR) {
                return Mono.empty();
            }
            return mongo.save(new OverdueDocument(appealId + "|" + o.clock(), appealId,
                    facts.number() != null ? facts.number() : appealId, facts.title(), o.department(), o.clock(),
                    o.deadline()), OVERDUE).then();
        }
        if (event instanceof AppealResponded || event instanceof AppealClosed || event instanceof AppealReturned) {
            return mongo.remove(query(where("appealId").is(appealId)), OVERDUE).then();
        }
        if (event instanceof AppealAssigned a) {
            return mongo.remove(query(where("appealId").is(appealId).and("department").ne(a.department())), OVERDUE)
                    .then();
        }
        if (event instanceof AppealSigned) {
            return mongo.remove(query(where("_id").is(appealId + "|" + ClockKind.SIGN_FOR)), OVERDUE).then();
        }
        if (event instanceof ExtensionDecided x && x.approved() && x.deadlines() != null
                && x.deadlines().answerBy() != null && x.deadlines().answerBy().isAfter(x.occurredAt())) {
            return mongo.remove(query(where("_id").is(appealId + "|" + ClockKind.ANSWER)), OVERDUE).then();
        }
        return Mono.empty();
    }

    /** Every overdue appeal of every department. */
    public Flux<OverdueAppeal> overdue() {
        return mongo.findAll(OverdueDocument.class, OVERDUE).map(d -> new OverdueAppeal(d.appealId(), d.number(),
                d.title(), d.department(), d.clock(), d.deadline()));
    }

    /**
     * Keeps a mail's text for its retries; the first write's time stays: an insert, which a text kept before refuses,
     * so no read is needed to tell.
     */
    public Mono<Void> keep(String noticeId, Mail mail, Instant now) {
        return mongo.insert(new Outgoing(noticeId, mail.kind(), mail.unit(), mail.to(), mail.subject(), mail.body(),
                        now), OUTBOX)
                .onErrorResume(DuplicateKeyException.class, keptBefore -> Mono.empty())
                .then();
    }

    public Mono<Outgoing> outgoing(String noticeId) {
        return mongo.findById(noticeId, Outgoing.class, OUTBOX);
    }

    /** The mail was sent or given up on: its text is no longer needed. */
    public Mono<Void> forget(String noticeId) {
        return mongo.remove(query(where("_id").is(noticeId)), OUTBOX).then();
    }
}
