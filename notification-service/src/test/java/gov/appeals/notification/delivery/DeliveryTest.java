package gov.appeals.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import gov.appeals.events.AppealAccepted;
import gov.appeals.events.AppealAssigned;
import gov.appeals.events.AppealEvent;
import gov.appeals.events.AppealRated;
import gov.appeals.events.AppealRef;
import gov.appeals.events.AppealStatus;
import gov.appeals.events.Deadlines;
import gov.appeals.events.Enterprise;
import gov.appeals.events.Rating;
import gov.appeals.events.Source;
import gov.appeals.events.Urgency;
import gov.appeals.notification.notice.Notice;

/** The deliveries view, read from an appeal's notices. */
class DeliveryTest {

    static final Instant NOW = Instant.parse("2026-03-02T01:30:00Z");
    static final String URL = "http://127.0.0.1/12345/callbacks";
    static final AppealRef HOTLINE = new AppealRef("a-1", "QS-20260302-000001", Source.HOTLINE_12345, "GD-1");
    static final Deadlines DEADLINES = new Deadlines(NOW.plusSeconds(3600), NOW.plusSeconds(7200),
            NOW.plusSeconds(86400));

    static final AppealAccepted ACCEPTED = new AppealAccepted("e-1", HOTLINE, 1, NOW, "hotline",
            new Enterprise("某精密机械有限公司", "91310114MA1GT35K2X", "王经理", "13800138000"), "JDZ",
            "厂区停电影响生产", "停电", "UTILITIES", Urgency.NORMAL, DEADLINES, null);
    static final AppealAssigned ASSIGNED = new AppealAssigned("e-2", HOTLINE, 2, NOW.plusSeconds(60),
            "system:dispatch-service", "DEV_REFORM", List.of(), "UTILITIES", "rule:category:UTILITIES", null,
            DEADLINES);
    static final AppealRated RATED = new AppealRated("e-3", HOTLINE, 6, NOW.plusSeconds(120), "hotline",
            Rating.SATISFIED, true, null);

    @Test
    void listsConfirmedCallbacksAsDeliveredWithTheAnswerOldestFirst() {
        Notice accepted = sent(ACCEPTED, NOW.plusSeconds(1), 200);
        Notice assigned = sent(ASSIGNED, NOW.plusSeconds(61), 202);

        List<Delivery> deliveries = Delivery.of(List.of(assigned, accepted), URL);

        assertThat(deliveries).extracting(Delivery::eventId).containsExactly("e-1", "e-2");
        assertThat(deliveries.get(1)).isEqualTo(new Delivery("e-2", "a-1", "GD-1", "gov.appeals.AppealAssigned.v1",
                AppealStatus.ASSIGNED, 2, Delivery.Outcome.DELIVERED, URL, 202, NOW.plusSeconds(61)));
    }

    @Test
    void listsAnEventTheHotlineIsNotToldOfAsSkippedWithoutUrlOrAnswer() {
        AppealAccepted portal = new AppealAccepted("e-9", new AppealRef("a-2", "QS-2", Source.ONLINE_PORTAL, null),
                1, NOW, "portal", ACCEPTED.enterprise(), "JDZ", "停电", "停电", "UTILITIES", Urgency.NORMAL,
                DEADLINES, null);

        List<Delivery> deliveries = Delivery.of(List.of(CallbackNotices.skipped(portal, NOW)), URL);

        assertThat(deliveries).containsExactly(new Delivery("e-9", "a-2", null, "gov.appeals.AppealAccepted.v1",
                AppealStatus.ACCEPTED, 1, Delivery.Outcome.SKIPPED, null, null, NOW));
    }

    @Test
    void leavesOutCallbacksStillTriedOrRefusedAndMessagesOnOtherChannels() {
        Notice tried = CallbackNotices.pending(ACCEPTED, NOW);
        Notice refused = settled(CallbackNotices.pending(ASSIGNED, NOW), Notice.State.FAILED, NOW, "HTTP 422");
        Notice sms = settled(Notice.pending(RATED, Notice.Channel.SMS, "138****8000", "answered", "answered QS-1",
                NOW), Notice.State.SENT, NOW, "SMS-1");

        assertThat(Delivery.of(List.of(tried, refused, sms), URL)).isEmpty();
    }

    private static Notice sent(AppealEvent event, Instant at, int httpStatus) {
        return settled(CallbackNotices.pending(event, NOW), Notice.State.SENT, at,
                CallbackNotices.answered(httpStatus));
    }

    private static Notice settled(Notice n, Notice.State state, Instant at, String outcome) {
        return new Notice(n.id(), n.appealId(), n.eventId(), n.channel(), n.recipient(), n.topic(), n.summary(), state,
                n.attempts(), n.createdAt(), n.notBefore(), at, outcome, n.appeal(), n.version(), n.status(), n.type());
    }
}
