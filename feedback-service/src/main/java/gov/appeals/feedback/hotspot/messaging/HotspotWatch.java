package gov.appeals.feedback.hotspot.messaging;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import gov.appeals.events.AppealAccepted;
import gov.appeals.events.AppealEvent;
import gov.appeals.feedback.casefile.CaseSupervision;
import gov.appeals.feedback.casefile.store.CaseChanges;
import gov.appeals.feedback.hotspot.StreetWatch;
import gov.appeals.feedback.hotspot.store.HotspotStore;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Watches acceptances for hotspots (called by the service's consumer after the case is in step): each accepted
 * appeal with a category and a street is added to its street's watch; the appeal that completes a hotspot carries
 * the HotspotFormed event, which supervisors are told of. Forming (the watch) and announcing (the event in that
 * appeal's case outbox) are two writes; the watch remembers whether the second happened, so a redelivered
 * acceptance after a crash in between announces it then, and only then.
 */
@Component
public class HotspotWatch {

    private static final Logger LOG = LoggerFactory.getLogger(HotspotWatch.class);
    private static final int CONCURRENT_RETRIES = 10;

    private final HotspotStore store;
    private final CaseChanges cases;
    private final Clock clock;
    private final int threshold;
    private final Duration window;

    public HotspotWatch(HotspotStore store, CaseChanges cases, Clock clock,
                        @Value("${appeals.hotspots.threshold:5}") int threshold,
                        @Value("${appeals.hotspots.window:7d}") Duration window) {
        this.store = store;
        this.cases = cases;
        this.clock = clock;
        this.threshold = threshold;
        this.window = window;
    }

    public Mono<Void> see(AppealEvent event) {
        if (!(event instanceof AppealAccepted accepted) || accepted.category() == null || accepted.street() == null) {
            return Mono.empty();
        }
        StreetWatch.Sighting sighting = new StreetWatch.Sighting(accepted.appealId(), accepted.appeal().number(),
                accepted.occurredAt());
        return Mono.defer(() -> store.find(accepted.category(), accepted.street()).flatMap(stored -> {
                    StreetWatch.Seen seen = stored.watch().see(sighting, threshold, window,
                            UUID.randomUUID().toString());
                    Mono<Void> saved = seen.changed() ? store.save(stored, seen.watch()) : Mono.empty();
                    return saved.then(Mono.defer(() -> announceIfDue(
                            new HotspotStore.StoredWatch(seen.watch(), stored.revision() + (seen.changed() ? 1 : 0)),
                            accepted.appealId())));
                }))
                .retryWhen(Retry.max(CONCURRENT_RETRIES)
                        .filter(HotspotStore.ConcurrentWatchUpdate.class::isInstance));
    }

    /** The hotspot this appeal completed, if its announcement is not stored yet. */
    private Mono<Void> announceIfDue(HotspotStore.StoredWatch stored, String appealId) {
        StreetWatch.Hotspot hotspot = stored.watch().current();
        if (hotspot == null || hotspot.announced() || hotspot.appeals().stream()
                .noneMatch(s -> s.appealId().equals(appealId) && s.at().equals(hotspot.formedAt()))) {
            return Mono.empty();
        }
        StreetWatch watch = stored.watch();
        return cases.change(appealId, file -> CaseSupervision.noteHotspot(file, hotspot.hotspotId(),
                        watch.category(), watch.street(),
                        hotspot.appeals().stream().map(StreetWatch.Sighting::appealId).toList(), clock.instant()))
                // The case was written by this same consumer just before; a case missing breaks the contract.
                .switchIfEmpty(Mono.error(() -> new IllegalStateException("Appeal " + appealId
                        + " has no case to announce hotspot " + hotspot.hotspotId() + " on")))
                .then(store.save(stored, watch.announced()))
                .doOnSuccess(done -> LOG.info("Hotspot {} formed: {} appeals of {} in {}", hotspot.hotspotId(),
                        hotspot.appeals().size(), watch.category(), watch.street()));
    }
}
