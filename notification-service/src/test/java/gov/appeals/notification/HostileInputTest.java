package gov.appeals.notification;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

import gov.appeals.testsupport.HostileInput;
import gov.appeals.testsupport.HostileInput.Endpoint;

class HostileInputTest extends RunningServiceTest {

    @Test
    void refusesThousandsOfMalformedOversizedAndMisencodedBodies() {
        var replays = HostileInput.attack(web, new Endpoint(HttpMethod.POST, "/api/v1/ops/dead-letters/0-1/replay",
                "{\"reason\":\"again\"}"), 1000, 5);
        var deliveries = HostileInput.attack(web, new Endpoint(HttpMethod.POST, "/api/v1/deliveries",
                "{\"appealId\":\"x\"}"), 500, 6);
        System.out.printf("[hostile input] notification-service: replays %s, deliveries %s%n", replays, deliveries);
    }
}
