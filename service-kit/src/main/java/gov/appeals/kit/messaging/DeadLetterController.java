package gov.appeals.kit.messaging;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import gov.appeals.kit.web.Paging;
import io.swagger.v3.oas.annotations.Operation;
import reactor.core.publisher.Mono;

/** The operator API of this service's dead-letter topic (supervisors and operators only, once roles exist). */
@RestController
@RequestMapping("/api/v1/ops/dead-letters")
public class DeadLetterController {

    private final DeadLetters letters;

    public DeadLetterController(DeadLetters letters) {
        this.letters = letters;
    }

    @GetMapping
    @Operation(summary = "Messages this service could never process, oldest first, with their error")
    public Mono<Paging.Page<DeadLetters.Letter>> list(@RequestParam(required = false) Integer page,
                                                      @RequestParam(required = false) Integer size) {
        return letters.list(Paging.of(page, size, 20, 100));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One dead letter by its id (partition-offset)")
    public Mono<DeadLetters.Letter> show(@PathVariable String id) {
        return letters.show(id);
    }

    @PostMapping("/{id}/replay")
    @Operation(summary = "Publish the original record to its topic again; a second replay publishes nothing")
    public Mono<DeadLetters.Replay> replay(@PathVariable String id) {
        return letters.replay(id);
    }
}
