package gov.appeals.dispatch.queue.web;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import gov.appeals.dispatch.queue.FieldProblem;
import gov.appeals.dispatch.queue.InvalidRequestException;
import gov.appeals.dispatch.queue.service.DepartmentQueue;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/v1/departments/{code}/queue")
public class QueueController {

    private static final int MAX_STAFF = 64;

    private final DepartmentQueue queue;

    public QueueController(DepartmentQueue queue) {
        this.queue = queue;
    }

    /** Open appeals the unit leads, co-handles or (for the triage unit) has to triage, nearest deadline first. */
    @GetMapping
    public Flux<QueueItem> queue(@PathVariable String code, @RequestParam(required = false) String status) {
        return queue.list(code, status).map(QueueItem::of);
    }

    /** The lead signs for (签收) the appeal; signing again answers the same without a new event. */
    @PostMapping("/{id}/sign")
    public Mono<QueueItem> sign(@PathVariable String code, @PathVariable String id,
                                @RequestBody(required = false) SignRequest body) {
        String staff = body == null ? null : body.staff();
        if (staff != null && (staff.isBlank() || staff.length() > MAX_STAFF)) {
            throw new InvalidRequestException(List.of(new FieldProblem("staff",
                    "must be a name of 1 to " + MAX_STAFF + " characters")));
        }
        return queue.sign(code, id, staff).map(QueueItem::of);
    }
}
