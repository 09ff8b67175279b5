package gov.appeals.notification.preference.store;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Repository;

import gov.appeals.notification.preference.Preference;
import reactor.core.publisher.Mono;

/**
 * Recipients' preferences ({@code notification_preferences}), one document per channel and recipient (id
 * {@code SMS:<credit code>}, {@code EMAIL:<department>}), written whole by an upsert: setting it again replaces it.
 */
@Repository
public class PreferenceStore {

    static final String PREFERENCES = "notification_preferences";

    /** A preference as stored. */
    record PreferenceDocument(@Id String id, Preference.Channel channel, String recipient, boolean enabled,
                              List<String> topics, String quietHours, Instant updatedAt, String updatedBy) {

        static PreferenceDocument of(Preference p) {
            return new PreferenceDocument(p.id(), p.channel(), p.recipient(), p.enabled(), List.copyOf(p.topics()),
                    p.quietHours(), p.updatedAt(), p.updatedBy());
        }

        Preference preference() {
            return new Preference(channel, recipient, enabled, topics == null ? null : java.util.Set.copyOf(topics),
                    quietHours, updatedAt, updatedBy);
        }
    }

    private final ReactiveMongoTemplate mongo;

    public PreferenceStore(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The recipient's preference; empty when it has none (or no key: a contact kept before keys were). */
    public Mono<Preference> find(Preference.Channel channel, String recipient) {
        if (recipient == null || recipient.isBlank()) {
            return Mono.empty();
        }
        return mongo.findById(Preference.idOf(channel, recipient), PreferenceDocument.class, PREFERENCES)
                .map(PreferenceDocument::preference);
    }

    /** Sets the preference (insert or replace). */
    public Mono<Preference> save(Preference preference) {
        return mongo.save(PreferenceDocument.of(preference), PREFERENCES).map(PreferenceDocument::preference);
    }
}
