package gov.appeals.notification.notice.web;

import java.time.Instant;
import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import gov.appeals.notification.notice.Notice;
import gov.appeals.notification.notice.store.NoticeLedger;
import io.swagger.v3.oas.annotations.Operation;
import reactor.core.publisher.Mono;

/** What went to whom about one appeal, on every channel. */
@RestController
@RequestMapping(path = "/api/v1/appeals", produces = MediaType.APPLICATION_JSON_VALUE)
public class NoticesController {

    /** One notice as supervisors read it: no message text, and recipients as the ledger keeps them (masked). */
    public record NoticeView(String eventId, Notice.Channel channel, String recipient, String topic, String summary,
                             Notice.State state, int attempts, Instant createdAt, Instant notBefore,
                             Instant settledAt, String outcome) {

        static NoticeView of(Notice n) {
            return new NoticeView(n.eventId(), n.channel(), n.recipient(), n.topic(), n.summary(), n.state(),
                    n.attempts(), n.createdAt(), n.notBefore(), n.settledAt(), n.outcome());
        }
    }

    private final NoticeLedger ledger;

    public NoticesController(NoticeLedger ledger) {
        this.ledger = ledger;
    }

    @GetMapping("/{id}/notifications")
    @Operation(summary = "Every notice about one appeal on every channel, oldest first",
            description = "Channel, recipient (phone numbers and addresses masked), what was said, its state "
                    + "(PENDING, DEFERRED, SENT, FAILED, SUPPRESSED), attempts and outcome. An appeal nothing was "
                    + "sent about yet has an empty list.")
    public Mono<List<NoticeView>> ofAppeal(@PathVariable String id) {
        return ledger.ofAppeal(id).map(notices -> notices.stream().map(NoticeView::of).toList());
    }
}
