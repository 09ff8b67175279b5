package gov.appeals.feedback.metrics.web;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import gov.appeals.feedback.metrics.AppealRow;
import gov.appeals.feedback.metrics.ClosureRow;
import gov.appeals.feedback.metrics.Dimension;
import gov.appeals.feedback.metrics.Figure;
import gov.appeals.kit.web.Paging;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import reactor.core.publisher.Mono;

/**
 * The closure metrics (三率) for supervisors, as JSON or, with {@code Accept: text/csv}, as CSV. Every figure is kept
 * up to date from the events; nothing here reads the appeals one by one except the paged drill-down.
 */
@RestController
@RequestMapping("/api/v1/metrics")
public class MetricsController {

    static final int DEFAULT_PAGE_SIZE = 20;
    static final int MAX_PAGE_SIZE = 100;

    /** The definitions, as docs/metrics.md states them: the API documentation says exactly this. */
    static final String DEFINITIONS = """
            An appeal counts in the period (and under the key) of the day it was accepted (受理), Asia/Shanghai; an \
            appeal re-routed or re-classified moves to its new department or category. Counts: \
            volume = appeals accepted in the period; \
            assigned = of those, ever assigned (AppealAssigned); \
            signedOnTime = the first signature (AppealSigned) was within the sign-for deadline; \
            rated = has a rating (the latest rating counts); \
            resolved = the latest rating says resolved; \
            satisfied = the latest rating is SATISFIED or BASICALLY_SATISFIED; \
            answered = ever answered (AppealResponded); \
            answeredOnTime = the first answer was within the answer deadline, approved extensions included; \
            returns = returned (退单, AppealReturned) at least once; by department, the appeals the department returned \
            (its lead's row counts no return); \
            reopens = reopened at least once (AppealReopened); \
            unrated = closed because no rating came in time (NO_RATING_IN_TIME); \
            backlog = not closed now; \
            overdueNow = not closed and a running clock (sign-for, first contact, answer) is overdue now. \
            Rates, in [0, 1], null when the denominator is 0: \
            responseRate (响应率) = signedOnTime ÷ assigned; \
            resolutionRate (解决率) = resolved ÷ rated; \
            satisfactionRate (满意率) = satisfied ÷ rated (unrated appeals are excluded, not counted as happy); \
            onTimeRate (按时办结率) = answeredOnTime ÷ answered; \
            returnRate (退单率) = returns ÷ assigned; \
            reopenRate (重办率) = reopens ÷ answered. \
            answerHoursMedian and answerHoursP90: whole hours, rounded up, from the first assignment to the first \
            answer, by the nearest-rank method (the smallest v with at least 50% or 90% of the values ≤ v); null \
            when nothing was answered. Keys: a department is the current lead, or the triage unit while there is \
            none (UNASSIGNED before either); a street is the acceptance's (UNKNOWN when none); a category is the \
            assignment's, else the acceptance's (UNCLASSIFIED when none).""";

    private final ClosureReports metrics;

    public MetricsController(ClosureReports metrics) {
        this.metrics = metrics;
    }

    @GetMapping(path = "/closure", produces = {MediaType.APPLICATION_JSON_VALUE, Csv.MEDIA_TYPE})
    @Operation(summary = "The closure metrics (三率) of a date range, grouped by department, street or category",
            description = DEFINITIONS)
    @ApiResponse(responseCode = "200", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = ClosureReport.class)),
            @Content(mediaType = Csv.MEDIA_TYPE)})
    public Mono<ResponseEntity<Object>> closure(
            @Parameter(required = true, description = "first day, YYYY-MM-DD") @RequestParam(required = false) String from,
            @Parameter(required = true, description = "last day, YYYY-MM-DD, included; at most 366 days after from")
            @RequestParam(required = false) String to,
            @Parameter(required = true, description = "department, street or category")
            @RequestParam(required = false) String groupBy,
            ServerWebExchange exchange) {
        MetricsRequest request = new MetricsRequest();
        LocalDate first = request.date("from", from);
        LocalDate last = request.date("to", to);
        request.range(first, last);
        Dimension dimension = request.dimension("groupBy", groupBy, Dimension.values());
        request.check();
        return metrics.closure(first, last, dimension).map(report -> respond(exchange, report, () -> {
            List<List<Object>> rows = new java.util.ArrayList<>(report.rows().stream().map(ClosureRow::values).toList());
            rows.add(report.total().values());
            return Csv.of(ClosureRow.COLUMNS, rows);
        }));
    }

    @GetMapping(path = "/ranking", produces = {MediaType.APPLICATION_JSON_VALUE, Csv.MEDIA_TYPE})
    @Operation(summary = "A month's ranking (排名) of departments or streets by their closure metrics",
            description = "Best first: the higher satisfactionRate, then onTimeRate, then responseRate (a unit "
                    + "without a rate after those with one), then the larger volume, then the key; equal figures "
                    + "share a rank. The figures are the closure figures of the month. " + DEFINITIONS)
    @ApiResponse(responseCode = "200", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = RankingReport.class)),
            @Content(mediaType = Csv.MEDIA_TYPE)})
    public Mono<ResponseEntity<Object>> ranking(
            @Parameter(required = true, description = "YYYY-MM") @RequestParam(required = false) String month,
            @Parameter(required = true, description = "department or street")
            @RequestParam(required = false) String groupBy,
            ServerWebExchange exchange) {
        MetricsRequest request = new MetricsRequest();
        YearMonth period = request.month("month", month);
        Dimension dimension = request.dimension("groupBy", groupBy, Dimension.DEPARTMENT, Dimension.STREET);
        request.check();
        return metrics.ranking(period, dimension).map(report -> respond(exchange, report, () -> {
            List<String> header = new java.util.ArrayList<>(List.of("rank"));
            header.addAll(ClosureRow.COLUMNS);
            return Csv.of(header, report.rows().stream().map(place -> {
                List<Object> values = new java.util.ArrayList<>(List.of(place.rank()));
                values.addAll(place.figures().values());
                return values;
            }).toList());
        }));
    }

    @GetMapping(path = "/closure/appeals", produces = {MediaType.APPLICATION_JSON_VALUE, Csv.MEDIA_TYPE})
    @Operation(summary = "The appeals behind one figure of one key: a page, by accepted day then appeal id",
            description = "figure is one of the counts (volume, assigned, signedOnTime, rated, resolved, satisfied, "
                    + "answered, answeredOnTime, returns, reopens, unrated, backlog, overdueNow); the rates' "
                    + "appeals are those of their two counts. As CSV, the page's rows; the X-Total-Count header "
                    + "says how many there are in all. " + DEFINITIONS)
    @ApiResponse(responseCode = "200", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON_VALUE),
            @Content(mediaType = Csv.MEDIA_TYPE)})
    public Mono<ResponseEntity<Object>> appeals(
            @Parameter(required = true, description = "first day, YYYY-MM-DD") @RequestParam(required = false) String from,
            @Parameter(required = true, description = "last day, YYYY-MM-DD, included")
            @RequestParam(required = false) String to,
            @Parameter(required = true, description = "department, street or category")
            @RequestParam(required = false) String groupBy,
            @Parameter(required = true, description = "the row's key, e.g. a department code")
            @RequestParam(required = false) String key,
            @Parameter(required = true, description = "the figure, e.g. overdueNow")
            @RequestParam(required = false) String figure,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size,
            ServerWebExchange exchange) {
        MetricsRequest request = new MetricsRequest();
        LocalDate first = request.date("from", from);
        LocalDate last = request.date("to", to);
        request.range(first, last);
        Dimension dimension = request.dimension("groupBy", groupBy, Dimension.values());
        String rowKey = request.required("key", key);
        Figure counted = request.figure("figure", figure);
        request.check();
        Paging.Request paging = Paging.of(page, size, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);
        return metrics.appeals(first, last, dimension, rowKey, counted, paging).map(found -> {
            ResponseEntity<Object> response = respond(exchange, found,
                    () -> Csv.of(AppealRow.COLUMNS, found.items().stream().map(AppealRow::values).toList()));
            return ResponseEntity.status(response.getStatusCode()).headers(response.getHeaders())
                    .header("X-Total-Count", Long.toString(found.total())).body(response.getBody());
        });
    }

    /** JSON unless the client asks for CSV before (or instead of) JSON. */
    private static ResponseEntity<Object> respond(ServerWebExchange exchange, Object json,
                                                  java.util.function.Supplier<String> csv) {
        if (wantsCsv(exchange.getRequest().getHeaders().getAccept())) {
            return ResponseEntity.ok().header(HttpHeaders.CONTENT_TYPE, Csv.MEDIA_TYPE + ";charset=UTF-8")
                    .body(csv.get());
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(json);
    }

    private static boolean wantsCsv(List<MediaType> accept) {
        MediaType csv = MediaType.parseMediaType(Csv.MEDIA_TYPE);
        return accept.stream().sorted(java.util.Comparator.comparingDouble(MediaType::getQualityValue).reversed())
                .filter(type -> type.isCompatibleWith(csv) || type.isCompatibleWith(MediaType.APPLICATION_JSON))
                .findFirst()
                .map(type -> !type.isWildcardType() && !type.isWildcardSubtype() && type.isCompatibleWith(csv))
                .orElse(false);
    }
}
