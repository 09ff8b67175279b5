package gov.appeals.dispatch.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import gov.appeals.events.AnswerResult;
import gov.appeals.events.AppealAccepted;
import gov.appeals.events.AppealAssigned;
import gov.appeals.events.AppealRef;
import gov.appeals.events.AppealResponded;
import gov.appeals.events.AppealSigned;
import gov.appeals.events.AppealStatus;
import gov.appeals.events.Deadlines;
import gov.appeals.events.ExtensionDecided;
import gov.appeals.events.AppealReturned;
import gov.appeals.events.ReturnReason;
import gov.appeals.events.Enterprise;
import gov.appeals.events.Source;
import gov.appeals.events.Urgency;

class OpenWorkTest {

    private static final Instant NOW = Instant.parse("2026-03-02T02:00:00Z");
    private static final Duration DAY = Duration.ofHours(24);

    private final OpenWork work = new OpenWork();
    private final List<OpenWork.Change> changes = new ArrayList<>();

    OpenWorkTest() {
        work.listen(changes::add);
    }

    private static AppealAccepted accepted(String id, String title, String street, Urgency urgency, Source source,
                                           Instant signBy) {
        return new AppealAccepted("acc-" + id, new AppealRef(id, "QS-20260302-" + id, source, "X" + id), 1, NOW,
                "hotline", new Enterprise("嘉定" + id + "精密机械有限公司", "91310114CL12TH3B1T", "吴先生", "13078106871"),
                street, title, "内容", "TAX", urgency, new Deadlines(signBy, null, signBy.plus(Duration.ofDays(5))),
                null);
    }

    private static AppealAssigned assigned(AppealAccepted a, String lead, List<String> coHandlers) {
        return new AppealAssigned("asg-" + a.appealId(), a.appeal(), 2, NOW, "system:dispatch-service", lead,
                coHandlers, a.category(), "rule:category:TAX", "why", a.deadlines());
    }

    private void route(AppealAccepted a, String lead, List<String> coHandlers) {
        work.apply(a);
        work.apply(assigned(a, lead, coHandlers));
    }

    private static QueueFilter filter(QueueRole role, Urgency urgency, QueueFilter.Due due, String street,
                                      Source source, String text, String signedBy) {
        return new QueueFilter(null, role, urgency, due, null, street, source, text, signedBy, DAY);
    }

    @Test
    void theAcceptanceSeedsTheFactsTheFiltersReadAndTheSigningTheSigner() {
        AppealAccepted a = accepted("a1", "留抵退税咨询", "ST-ML", Urgency.URGENT, Source.ONLINE_PORTAL,
                NOW.plusSeconds(600));
        route(a, "JD-SWJ", List.of());
        work.apply(new AppealSigned("s-a1", a.appeal(), 3, NOW, "staff:clerk-JD-SWJ", "JD-SWJ", true));

        OpenWork.Item item = work.get("a1").orElseThrow();
        assertThat(item.status()).isEqualTo(AppealStatus.SIGNED);
        assertThat(item.signedBy()).isEqualTo("clerk-JD-SWJ");
        assertThat(item.facts().title()).isEqualTo("留抵退税咨询");
        assertThat(item.facts().street()).isEqualTo("ST-ML");
        assertThat(item.facts().urgency()).isEqualTo(Urgency.URGENT);
        assertThat(item.facts().source()).isEqualTo(Source.ONLINE_PORTAL);
        // A redelivered acceptance is older than what is held: nothing changes.
        work.apply(a);
        assertThat(work.get("a1").orElseThrow()).isEqualTo(item);
    }

    @Test
    void everyFilterNarrowsTheQueueAndTheTotalCountsWhatPasses() {
        route(accepted("b1", "留抵退税咨询", "ST-ML", Urgency.URGENT, Source.HOTLINE_12345, NOW.minusSeconds(60)),
                "JD-SWJ", List.of());
        AppealAccepted b2 = accepted("b2", "发票问题", "ST-AT", Urgency.NORMAL, Source.ONLINE_PORTAL,
                NOW.plusSeconds(3600));
        route(b2, "JD-SWJ", List.of());
        route(accepted("b3", "出口退税", "ST-ML", Urgency.NORMAL, Source.HOTLINE_12345, NOW.plus(Duration.ofDays(3))),
                "JD-JW", List.of("JD-SWJ"));
        work.apply(new AppealSigned("s-b2", b2.appeal(), 3, NOW, "staff:clerk-JD-SWJ", "JD-SWJ", true));

        // b2 is signed: its next deadline is the answer, five days on, after b3's sign-for in three.
        assertThat(ids(QueueFilter.NONE)).containsExactly("b1", "b3", "b2");
        assertThat(ids(filter(QueueRole.LEAD, null, null, null, null, null, null))).containsExactly("b1", "b2");
        assertThat(ids(filter(QueueRole.CO_HANDLER, null, null, null, null, null, null))).containsExactly("b3");
        assertThat(ids(filter(null, Urgency.URGENT, null, null, null, null, null))).containsExactly("b1");
        assertThat(ids(filter(null, null, QueueFilter.Due.OVERDUE, null, null, null, null))).containsExactly("b1");
        assertThat(ids(filter(null, null, QueueFilter.Due.SOON, null, null, null, null))).isEmpty();
        assertThat(ids(filter(null, null, null, "ST-ML", null, null, null))).containsExactly("b1", "b3");
        assertThat(ids(filter(null, null, null, null, Source.ONLINE_PORTAL, null, null))).containsExactly("b2");
        assertThat(ids(filter(null, null, null, null, null, "退税", null))).containsExactly("b1", "b3");
        assertThat(ids(filter(null, null, null, null, null, "qs-20260302-b2", null))).containsExactly("b2");
        assertThat(ids(filter(null, null, null, null, null, "嘉定B3精密", null))).containsExactly("b3");
        assertThat(ids(filter(null, null, null, null, null, null, "clerk-JD-SWJ"))).containsExactly("b2");
        assertThat(ids(new QueueFilter(Set.of(AppealStatus.ASSIGNED), null, null, null, null, null, null, null,
                null, DAY))).containsExactly("b1", "b3");
        assertThat(ids(filter(QueueRole.LEAD, null, null, "ST-ML", null, null, null))).containsExactly("b1");

        OpenWork.Slice second = work.page("JD-SWJ", filter(null, null, null, "ST-ML", null, null, null), NOW, 1, 1);
        assertThat(second.appealIds()).containsExactly("b3");
        assertThat(second.total()).isEqualTo(2);
    }

    @Test
    void dueSoonIsNotOverdueAndWithinTheWindowInDeadlineOrder() {
        for (int i = 0; i < 10; i++) {
            route(accepted("c" + i, "t", "ST-ML", Urgency.NORMAL, Source.HOTLINE_12345,
                    NOW.plus(Duration.ofHours(8L * i - 20))), "JD-KW", List.of());
        }
        // Deadlines at -20 h, -12 h, -4 h (overdue), +4 h … +20 h (soon), +28 h … (later).
        assertThat(ids("JD-KW", filter(null, null, QueueFilter.Due.OVERDUE, null, null, null, null)))
                .containsExactly("c0", "c1", "c2");
        assertThat(ids("JD-KW", filter(null, null, QueueFilter.Due.SOON, null, null, null, null)))
                .containsExactly("c3", "c4", "c5");
        assertThat(work.page("JD-KW", filter(null, null, QueueFilter.Due.SOON, null, null, null, null), NOW, 2, 10)
                .total()).isEqualTo(3);
    }

    @Test
    void tellsEveryChangeWithWhatWasAndWhatIsHeld() {
        AppealAccepted a = accepted("d1", "t", "ST-ML", Urgency.NORMAL, Source.HOTLINE_12345, NOW.plusSeconds(60));
        route(a, "JD-SWJ", List.of("JD-CZ"));
        work.apply(assigned(a, "JD-SWJ", List.of("JD-CZ")));
        work.apply(new AppealResponded("r-d1", a.appeal(), 3, NOW, "staff:x", "JD-SWJ", AnswerResult.RESOLVED, "ok",
                true));

        assertThat(changes).hasSize(3);
        assertThat(changes.get(0).concerns("JD-SWJ")).isFalse();
        assertThat(changes.get(1).concerns("JD-SWJ")).isTrue();
        assertThat(changes.get(1).after().roleOf("JD-CZ")).contains(QueueRole.CO_HANDLER);
        OpenWork.Change answered = changes.get(2);
        assertThat(answered.before().units()).containsExactly("JD-SWJ", "JD-CZ");
        assertThat(answered.after().units()).isEmpty();
        assertThat(answered.concerns("JD-CZ")).isTrue();
    }

    @Test
    void anApprovedExtensionMovesTheAppealBackInItsQueueAndAReturnAndTransferMoveItOn() {
        AppealAccepted first = accepted("e1", "t", "ST-ML", Urgency.NORMAL, Source.HOTLINE_12345, NOW.plusSeconds(60));
        AppealAccepted second = accepted("e2", "t", "ST-ML", Urgency.NORMAL, Source.HOTLINE_12345,
                NOW.plusSeconds(120));
        route(first, "JD-SWJ", List.of());
        route(second, "JD-SWJ", List.of());
        assertThat(ids(QueueFilter.NONE)).containsExactly("e1", "e2");

        Deadlines later = new Deadlines(NOW.plus(Duration.ofDays(3)), null, NOW.plus(Duration.ofDays(9)));
        work.apply(new ExtensionDecided("x-e1", first.appeal(), 2, NOW, "supervisor", "JD-SWJ",
                AppealStatus.ASSIGNED, "x1", true, null, later));
        assertThat(ids(QueueFilter.NONE)).containsExactly("e2", "e1");
        assertThat(work.get("e1").orElseThrow().version()).isEqualTo(2);

        work.apply(new AppealReturned("ret-e2", second.appeal(), 3, NOW, "staff:li", "JD-SWJ",
                ReturnReason.NOT_OUR_REMIT, "不属本单位", 1));
        work.apply(new AppealAssigned("asg2-e2", second.appeal(), 4, NOW, "system:dispatch-service", "JD-CZ",
                List.of(), "TAX", "rule:tax-fallback", "returned", second.deadlines(), 2, null));
        assertThat(ids(QueueFilter.NONE)).containsExactly("e1");
        assertThat(ids("JD-CZ", QueueFilter.NONE)).containsExactly("e2");
    }

    private List<String> ids(QueueFilter filter) {
        return ids("JD-SWJ", filter);
    }

    private List<String> ids(String unit, QueueFilter filter) {
        OpenWork.Slice slice = work.page(unit, filter, NOW, 0, 100);
        assertThat(slice.total()).isEqualTo(slice.appealIds().size());
        return slice.appealIds();
    }
}
