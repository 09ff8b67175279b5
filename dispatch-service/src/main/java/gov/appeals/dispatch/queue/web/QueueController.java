package gov.appeals.dispatch.queue.web;

import java.util.ArrayList;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import gov.appeals.kit.web.FieldProblem;
import gov.appeals.kit.web.InvalidRequestException;
import gov.appeals.kit.web.Paging;
import gov.appeals.kit.web.TextRules;
import io.swagger.v3.oas.annotations.Operation;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/v1/departments/{code}/queue")
public class QueueController {

    static final int DEFAULT_PAGE_SIZE = 20;
    static final int MAX_PAGE_SIZE = 100;

    private final DepartmentQueue queue;
    private final TextRules text;

    public QueueController(DepartmentQueue queue, TextRules text) {
        this.queue = queue;
        this.text = text;
    }

    /** Open appeals the unit leads, co-handles or (for the triage unit) has to triage, nearest deadline first. */
    @GetMapping
    @Operation(summary = "A unit's open appeals, one page at a time: nearest deadline first, then by appeal id")
    public Mono<Paging.Page<QueueItem>> queue(@PathVariable String code,
                                              @RequestParam(required = false) String status,
                                              @RequestParam(required = false) Integer page,
                                              @RequestParam(required = false) Integer size) {
        Paging.Request request = Paging.of(page, size, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);
        return queue.list(code, status, request).map(found -> new Paging.Page<>(
                found.items().stream().map(QueueItem::of).toList(), found.page(), found.size(), found.total()));
    }

    /** The lead signs for (签收) the appeal; signing again answers the same without a new event. */
    @PostMapping("/{id}/sign")
    @Operation(summary = "The lead signs for (签收) the appeal; signing again answers the same, publishing nothing")
    public Mono<QueueItem> sign(@PathVariable String code, @PathVariable String id,
                                @RequestBody(required = false) SignRequest body) {
        String staff = body == null ? null : body.staff();
        List<FieldProblem> problems = new ArrayList<>();
        text.optionalShort(problems, "staff", staff);
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        return queue.sign(code, id, staff).map(QueueItem::of);
    }
}
