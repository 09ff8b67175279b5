package gov.appeals.notification.delivery.web;

import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import gov.appeals.kit.web.InvalidRequestException;
import gov.appeals.notification.callback.web.HotlineCallbackSender;
import gov.appeals.notification.delivery.Delivery;
import gov.appeals.notification.notice.store.NoticeLedger;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import reactor.core.publisher.Mono;

/** The appeal's callback notices in the notice ledger, as the older per-appeal view of what 12345 was told. */
@RestController
@RequestMapping(path = "/api/v1/deliveries", produces = MediaType.APPLICATION_JSON_VALUE)
public class DeliveriesController {

    private final NoticeLedger ledger;
    private final HotlineCallbackSender sender;

    public DeliveriesController(NoticeLedger ledger, HotlineCallbackSender sender) {
        this.ledger = ledger;
        this.sender = sender;
    }

    @GetMapping
    @Operation(summary = "What the 12345 system was told about one appeal, oldest first",
            description = "Every event of the appeal this service handled: DELIVERED (12345 confirmed the callback) "
                    + "or SKIPPED (the appeal did not come in through 12345). A callback 12345 has not confirmed "
                    + "yet is not listed (it is being retried). 404 when none has been handled yet.")
    public Mono<List<Delivery>> ofAppeal(
            @Parameter(required = true, description = "the platform's appeal id")
            @RequestParam(name = "appealId", required = false) String appealId) {
        // Bound here rather than by required = true so that a missing and a blank id get the same answer.
        if (appealId == null || appealId.isBlank()) {
            return Mono.error(new InvalidRequestException("appealId", "must not be blank"));
        }
        return ledger.ofAppeal(appealId)
                .map(notices -> Delivery.of(notices, sender.callbackUrl().toString()))
                .filter(deliveries -> !deliveries.isEmpty())
                .switchIfEmpty(Mono.error(() -> new UnknownAppealException(appealId)));
    }
}
