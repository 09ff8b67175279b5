package gov.appeals.notification.sms.store;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import gov.appeals.events.Urgency;
import gov.appeals.notification.sms.SmsContact;
import reactor.core.publisher.Mono;

/**
 * What SMS keeps of its own: per appeal, the contact to text ({@code sms_contacts}: only the acceptance carries the
 * phone number), and per notice, the message to send ({@code sms_messages}: a deferred or retried message is sent
 * with the text it was given when its event came). Both are written by idempotent upserts keyed by appeal id and
 * notice id; a redelivered event writes the same again.
 */
@Repository
public class SmsStore {

    static final String CONTACTS = "sms_contacts";
    static final String MESSAGES = "sms_messages";

    /** A contact as stored. */
    record ContactDocument(@Id String appealId, String phone, String number, Urgency urgency, String creditCode) {
        SmsContact contact() {
            return new SmsContact(appealId, phone, number, urgency, creditCode);
        }
    }

    /** A message as stored, under its notice's id, with the enterprise whose preference decides when it goes. */
    public record MessageDocument(@Id String noticeId, String appealId, String phone, String text, boolean urgent,
                                  String creditCode, Instant failingSince) {

        public MessageDocument(String noticeId, String appealId, String phone, String text, boolean urgent,
                               String creditCode) {
            this(noticeId, appealId, phone, text, urgent, creditCode, null);
        }

        @Override
        public String toString() {
            return "MessageDocument[" + noticeId + ", " + SmsContact.mask(phone) + "]";
        }
    }

    private final ReactiveMongoTemplate mongo;

    public SmsStore(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Mono<Void> keep(SmsContact contact) {
        Update update = new Update().set("phone", contact.phone()).set("number", contact.number())
                .set("urgency", contact.urgency()).set("creditCode", contact.creditCode());
        return mongo.upsert(query(where("_id").is(contact.appealId())), update, CONTACTS).then();
    }

    public Mono<SmsContact> contact(String appealId) {
        return mongo.findById(appealId, ContactDocument.class, CONTACTS).map(ContactDocument::contact);
    }

    public Mono<Void> keep(MessageDocument message) {
        Update update = new Update().set("appealId", message.appealId()).set("phone", message.phone())
                .set("text", message.text()).set("urgent", message.urgent())
                .set("creditCode", message.creditCode());
        return mongo.upsert(query(where("_id").is(message.noticeId())), update, MESSAGES).then();
    }

    /** @return since when the gateway has been failing this message: {@code now} at the first failure */
    public Mono<Instant> failingSince(String noticeId, Instant now) {
        return mongo.updateFirst(query(where("_id").is(noticeId).and("failingSince").exists(false)),
                        new Update().set("failingSince", now), MESSAGES)
                .then(message(noticeId))
                .map(m -> m.failingSince() == null ? now : m.failingSince());
    }

    public Mono<MessageDocument> message(String noticeId) {
        return mongo.findById(noticeId, MessageDocument.class, MESSAGES);
    }
}
