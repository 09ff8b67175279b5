package gov.appeals.feedback.metrics.web;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import gov.appeals.feedback.metrics.store.MetricsRebuild;
import io.swagger.v3.oas.annotations.Operation;
import reactor.core.publisher.Mono;

/** Operators rebuild the closure metrics from the per-appeal facts (after a fix to a definition, or to verify them). */
@RestController
public class MetricsRebuildController {

    private final MetricsRebuild rebuild;

    public MetricsRebuildController(MetricsRebuild rebuild) {
        this.rebuild = rebuild;
    }

    @PostMapping("/api/v1/ops/metrics/rebuild")
    @Operation(summary = "Recomputes every row of the closure metrics from the per-appeal facts",
            description = "Events wait while it runs; readers see the old figures until the new ones are complete. "
                    + "Answers the new generation, the facts read, the rows written and the time taken; 409 while "
                    + "another rebuild runs.")
    public Mono<MetricsRebuild.Result> rebuild() {
        return rebuild.rebuild();
    }
}
