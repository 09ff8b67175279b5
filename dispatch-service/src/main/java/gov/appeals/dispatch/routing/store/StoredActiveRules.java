package gov.appeals.dispatch.routing.store;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import gov.appeals.dispatch.routing.ActiveRules;
import gov.appeals.dispatch.routing.RoutingRules;
import gov.appeals.dispatch.routing.RuleVersion;
import gov.appeals.reference.ReferenceData;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The active rule set, held in memory because routing asks for it on every acceptance and must not wait for the
 * store. It is reread every {@code appeals.routing.refresh-interval} (what another instance published shows up
 * within that), and replaced at once when this instance publishes. A cached version is only ever replaced by a
 * higher one, so a slow read cannot bring back older rules.
 */
@Component
public class StoredActiveRules implements ActiveRules, InitializingBean, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(StoredActiveRules.class);
    private static final Duration FIRST_READ = Duration.ofSeconds(30);
    static final String SEED_AUTHOR = "system";

    private final RuleVersionStore store;
    private final ReferenceData reference;
    private final Clock clock;
    private final Duration refreshInterval;
    /** Until the store first answers: the seed, as the reference data makes it. */
    private final RoutingRules seed;
    private final AtomicReference<RoutingRules> stored = new AtomicReference<>();
    private Disposable refreshing;

    public StoredActiveRules(RuleVersionStore store, ReferenceData reference, Clock clock,
                             @Value("${appeals.routing.refresh-interval:5s}") Duration refreshInterval) {
        this.store = store;
        this.reference = reference;
        this.clock = clock;
        this.refreshInterval = refreshInterval;
        this.seed = RoutingRules.from(reference);
    }

    @Override
    public RoutingRules current() {
        RoutingRules held = stored.get();
        return held == null ? seed : held;
    }

    /** Takes a version this instance has just published, without waiting for the next reread. */
    public void published(RuleVersion version) {
        install(version);
    }

    /**
     * Reads the active version before the event consumers start, so that no appeal is routed by the seed while the
     * store holds newer rules; blocking is fine here, on the thread that starts the application.
     */
    @Override
    public void afterPropertiesSet() {
        try {
            RuleVersion active = read().block(FIRST_READ);
            if (active != null) {
                install(active);
            }
        } catch (RuntimeException e) {
            log.warn("Routing rules could not be read at start ({}); routing by the seed until the store answers",
                    e.toString());
        }
        // A store slower than the interval skips ticks rather than queueing them (or ending the rereads).
        refreshing = Flux.interval(refreshInterval, refreshInterval)
                .onBackpressureDrop()
                .concatMap(tick -> read().onErrorResume(e -> {
                    log.warn("Routing rules could not be reread: {}", e.toString());
                    return Mono.empty();
                }), 1)
                .subscribe(this::install);
    }

    @Override
    public void destroy() {
        if (refreshing != null) {
            refreshing.dispose();
        }
    }

    /** The active version; in an empty store the seed is written first (by whichever instance gets there first). */
    private Mono<RuleVersion> read() {
        return store.active().switchIfEmpty(Mono.defer(() -> store.insert(seed()).then(store.active())));
    }

    private RuleVersion seed() {
        return new RuleVersion(1, RoutingRules.seed(reference), SEED_AUTHOR, clock.instant(),
                "Seeded from the reference categories (categories.yaml)", null);
    }

    private void install(RuleVersion version) {
        RoutingRules before = stored.get();
        RoutingRules after = stored.updateAndGet(held -> held != null && held.version() >= version.version() ? held
                : new RoutingRules(version.version(), version.rules(), reference));
        if (after != before) {
            log.info("Routing rules version {} active ({} rules, by {})", version.version(), version.rules().size(),
                    version.author());
        }
    }
}
