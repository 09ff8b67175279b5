package gov.appeals.feedback.hotspot.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import gov.appeals.feedback.hotspot.StreetWatch;
import gov.appeals.feedback.hotspot.store.HotspotStore;
import gov.appeals.kit.web.Paging;
import gov.appeals.reference.Category;
import gov.appeals.reference.ReferenceData;
import io.swagger.v3.oas.annotations.Operation;
import reactor.core.publisher.Mono;

/** The open hotspots (热点) supervisors watch. */
@RestController
public class HotspotController {

    /** One open hotspot; {@code appeals} oldest first. */
    public record HotspotView(String hotspotId, String category, String categoryName, String street,
                              String streetName, Instant formedAt, Instant lastAt, int size,
                              List<StreetWatch.Sighting> appeals) {
    }

    private final HotspotStore store;
    private final ReferenceData reference;
    private final Clock clock;
    private final Duration window;

    public HotspotController(HotspotStore store, ReferenceData reference, Clock clock,
                             @Value("${appeals.hotspots.window:7d}") Duration window) {
        this.store = store;
        this.reference = reference;
        this.clock = clock;
        this.window = window;
    }

    @Operation(summary = "Open hotspots: appeals of one category in one street clustering within the window",
            description = "A hotspot forms when `appeals.hotspots.threshold` appeals (default 5) of one category in "
                    + "one street are accepted within `appeals.hotspots.window` (default 7 days); it stays open, "
                    + "gathering the next ones, until the window passes without one. Latest activity first.")
    @GetMapping("/api/v1/metrics/hotspots")
    public Mono<Paging.Page<HotspotView>> open(@RequestParam(required = false) Integer page,
                                               @RequestParam(required = false) Integer size) {
        return store.withHotspotSince(clock.instant().minus(window), Paging.of(page, size, 20, 100))
                .map(found -> new Paging.Page<>(found.items().stream().map(this::view).toList(), found.page(),
                        found.size(), found.total()));
    }

    private HotspotView view(StreetWatch watch) {
        StreetWatch.Hotspot hotspot = watch.current();
        return new HotspotView(hotspot.hotspotId(), watch.category(),
                reference.category(watch.category()).map(Category::name).orElse(watch.category()), watch.street(),
                reference.street(watch.street()).map(ReferenceData.Street::name).orElse(watch.street()),
                hotspot.formedAt(), hotspot.lastAt(), hotspot.appeals().size(), hotspot.appeals());
    }
}
