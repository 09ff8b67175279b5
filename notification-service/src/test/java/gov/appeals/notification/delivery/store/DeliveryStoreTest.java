package gov.appeals.notification.delivery.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;

import gov.appeals.events.AppealStatus;
import gov.appeals.notification.delivery.Delivery;
import gov.appeals.testsupport.TestInfrastructure;

/** The one-document-per-appeal store against MongoDB (wire protocol): the dedupe guard and the history's order. */
class DeliveryStoreTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Instant AT = Instant.parse("2026-03-02T01:30:00Z");

    private static MongoClient client;
    private static ReactiveMongoTemplate mongo;
    private static DeliveryStore store;

    @BeforeAll
    static void connect() {
        String database = "notification-store-" + UUID.randomUUID().toString().substring(0, 8);
        client = MongoClients.create(TestInfrastructure.start().mongoUri(database));
        mongo = new ReactiveMongoTemplate(client, database);
        store = new DeliveryStore(mongo);
    }

    @AfterAll
    static void disconnect() {
        client.close();
    }

    @Test
    void keepsOneDocumentPerAppealWithItsDeliveriesOldestFirst() {
        String appealId = UUID.randomUUID().toString();

        assertThat(store.record(delivered(appealId, "e-1", 1, AT), null).block(WAIT)).isTrue();
        assertThat(store.record(delivered(appealId, "e-2", 2, AT.plusSeconds(60)), null).block(WAIT)).isTrue();

        assertThat(store.ofAppeal(appealId).block(WAIT)).extracting(Delivery::eventId).containsExactly("e-1", "e-2");
        assertThat(store.ofAppeal(appealId).block(WAIT).get(1))
                .isEqualTo(delivered(appealId, "e-2", 2, AT.plusSeconds(60)));
        assertThat(mongo.count(new Query(), AppealDeliveries.COLLECTION)
                .block(WAIT)).isEqualTo(1);
        Document raw = mongo.findById(appealId, Document.class, AppealDeliveries.COLLECTION).block(WAIT);
        assertThat(raw.getString("externalId")).isEqualTo("GD-77");
        assertThat(raw.getList("deliveries", Document.class)).extracting(d -> d.getString("eventId"))
                .containsExactly("e-1", "e-2");
    }

    @Test
    void keepsTheFirstOutcomeOfAnEventRecordedTwice() {
        String appealId = UUID.randomUUID().toString();
        store.record(delivered(appealId, "e-1", 1, AT), null).block(WAIT);

        assertThat(store.record(delivered(appealId, "e-1", 1, AT.plusSeconds(5)), null).block(WAIT)).isFalse();

        assertThat(store.ofAppeal(appealId).block(WAIT)).containsExactly(delivered(appealId, "e-1", 1, AT));
        assertThat(store.isRecorded(appealId, "e-1").block(WAIT)).isTrue();
        assertThat(store.isRecorded(appealId, "e-2").block(WAIT)).isFalse();
    }

    @Test
    void knowsNothingOfAnAppealItHasNoEventOf() {
        assertThat(store.ofAppeal("no-such-appeal").blockOptional(WAIT)).isEmpty();
        assertThat(store.isRecorded("no-such-appeal", "e-1").block(WAIT)).isFalse();
    }

    private static Delivery delivered(String appealId, String eventId, int version, Instant at) {
        return new Delivery(eventId, appealId, "GD-77", "gov.appeals.AppealAccepted.v1", AppealStatus.ACCEPTED, version,
                Delivery.Outcome.DELIVERED, "http://127.0.0.1/12345/callbacks", 200, at);
    }
}
