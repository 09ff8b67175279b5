package gov.appeals.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpMethod;

import gov.appeals.testsupport.HostileInput;
import gov.appeals.testsupport.HostileInput.Endpoint;

class HostileInputTest extends FeedbackServiceTestBase {

    @Autowired
    ReactiveMongoTemplate mongo;

    @Test
    void refusesThousandsOfMalformedOversizedMisencodedAndInjectedBodiesWithoutStoringAnything() {
        long before = stored();
        var answers = HostileInput.attack(http, new Endpoint(HttpMethod.POST,
                "/api/v1/appeals/" + newAppeal().appealId() + "/answer",
                "{\"result\":\"RESOLVED\",\"text\":\"已协调合作银行办理续贷，企业已确认。\"}"), 1500, 3);
        var replays = HostileInput.attack(http, new Endpoint(HttpMethod.POST, "/api/v1/ops/dead-letters/0-1/replay",
                "{\"reason\":\"again\"}"), 300, 4);
        System.out.printf("[hostile input] feedback-service: answers %s, replays %s%n", answers, replays);
        assertThat(stored()).as("cases stored").isEqualTo(before);
    }

    private long stored() {
        return mongo.count(new Query(), "cases").block(Duration.ofSeconds(10));
    }
}
