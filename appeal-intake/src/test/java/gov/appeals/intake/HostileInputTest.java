package gov.appeals.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.HttpMethod;

import gov.appeals.intake.appeal.store.AppealDocument;
import gov.appeals.testsupport.HostileInput;
import gov.appeals.testsupport.HostileInput.Endpoint;
import tools.jackson.databind.json.JsonMapper;

class HostileInputTest extends ServiceTestSupport {

    private static final int BODIES = 1500;

    @Autowired
    ReactiveMongoTemplate mongo;

    @Test
    void refusesThousandsOfMalformedOversizedMisencodedAndInjectedBodiesWithoutStoringAnything() {
        String appeal = JsonMapper.builder().build().writeValueAsString(appeal("HOTLINE_12345", nextExternalId()));
        long before = stored();

        var submissions = HostileInput.attack(http, new Endpoint(HttpMethod.POST, "/api/v1/appeals", appeal),
                BODIES, 1);
        var ratings = HostileInput.attack(http, new Endpoint(HttpMethod.POST,
                "/api/v1/appeals/" + UUID.randomUUID() + "/rating",
                "{\"rating\":\"SATISFIED\",\"resolved\":true,\"comment\":\"办理及时\"}"), BODIES, 2);

        System.out.printf("[hostile input] appeal-intake: submissions %s, ratings %s%n", submissions, ratings);
        assertThat(stored()).as("appeals stored").isEqualTo(before);
        assertThat(submissions).containsKeys(400, 413, 415);
    }

    private long stored() {
        return mongo.count(new org.springframework.data.mongodb.core.query.Query(), AppealDocument.class)
                .block(java.time.Duration.ofSeconds(10));
    }
}
