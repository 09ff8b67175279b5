package gov.appeals.notification;

import org.springframework.test.web.reactive.server.WebTestClient;

import gov.appeals.events.AppealAccepted;
import gov.appeals.events.AppealAssigned;
import gov.appeals.events.AppealRated;
import gov.appeals.events.AppealRef;
import gov.appeals.events.Source;
import gov.appeals.testsupport.KafkaTestClient;

/**
 * The set-up the tests of 12345 being away share: a hotline appeal accepted and assigned while 12345 is down, and
 * rated later (published by the test, when it wants).
 */
record StagesWhileDown(AppealRef appeal, AppealAccepted accepted, AppealAssigned assigned, AppealRated rated) {

    static final String INTAKE = "/appeals/appeal-intake";

    /** Takes 12345 down, then publishes the acceptance and the assignment. */
    static StagesWhileDown publish(HotlineStub hotline, KafkaTestClient kafka) {
        AppealRef appeal = Events.appeal(Source.HOTLINE_12345);
        StagesWhileDown stages = new StagesWhileDown(appeal, Events.accepted(appeal), Events.assigned(appeal),
                Events.rated(appeal));
        hotline.down();
        kafka.publish(stages.accepted, INTAKE);
        kafka.publish(stages.assigned, "/appeals/dispatch-service");
        return stages;
    }

    /** {@code GET /api/v1/deliveries} knows of no delivery of the appeal: none was confirmed. */
    void noneDelivered(WebTestClient web) {
        deliveries(web).expectStatus().isNotFound();
    }

    /** {@code GET /api/v1/deliveries} lists the three stages, in the appeal's order. */
    WebTestClient.BodyContentSpec allDelivered(WebTestClient web) {
        return deliveries(web)
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.length()").isEqualTo(3)
                .jsonPath("$[0].eventId").isEqualTo(accepted.eventId())
                .jsonPath("$[1].eventId").isEqualTo(assigned.eventId())
                .jsonPath("$[2].eventId").isEqualTo(rated.eventId());
    }

    private WebTestClient.ResponseSpec deliveries(WebTestClient web) {
        return web.get().uri("/api/v1/deliveries?appealId={id}", appeal.appealId()).exchange();
    }
}
