package gov.appeals.intake.open311.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import gov.appeals.events.Source;
import gov.appeals.intake.acceptance.web.AcceptAppeal;
import gov.appeals.intake.appeal.store.AppealDocument;
import gov.appeals.intake.appeal.store.AppealStore;
import gov.appeals.intake.open311.GeoReportFormat;
import gov.appeals.intake.open311.Open311Mapping;
import gov.appeals.kit.security.SecurityProperties;
import gov.appeals.kit.security.SigningKeys;
import gov.appeals.kit.web.InvalidRequestException;
import gov.appeals.reference.Department;
import gov.appeals.reference.ReferenceData;
import io.swagger.v3.oas.annotations.Hidden;
import reactor.core.publisher.Mono;

/**
 * Open311 GeoReport v2 (docs/open311.md). Its errors are GeoReport's {@code [{code, description}]}, answered here
 * and never thrown, so that problem+json stays the answer everywhere else. Hidden from the OpenAPI document, whose
 * paths the authorization matrix test compares with the signed and bearer endpoints only.
 */
@Hidden
@RestController
@RequestMapping("/open311/v2")
public class Open311Controller {

    static final int MAX_ROWS = 1000;
    static final Duration DEFAULT_WINDOW = Duration.ofDays(90);

    private final Open311Mapping mapping;
    private final AcceptAppeal acceptAppeal;
    private final AppealStore store;
    private final ReferenceData reference;
    private final SigningKeys keys;
    private final Clock clock;

    public Open311Controller(ReferenceData reference, AcceptAppeal acceptAppeal, AppealStore store,
                             SecurityProperties security, Clock clock) {
        this.mapping = new Open311Mapping(reference);
        this.acceptAppeal = acceptAppeal;
        this.store = store;
        this.reference = reference;
        this.keys = SigningKeys.parse(security.sourceKeys());
        this.clock = clock;
    }

    @GetMapping("/services.{format}")
    public ResponseEntity<String> services(@PathVariable String format, ServerWebExchange exchange) {
        return withFormat(format, f -> jurisdictionProblem(f, exchange.getRequest().getQueryParams())
                .orElseGet(() -> answer(f, HttpStatus.OK, f.list("services", "service", mapping.services()))));
    }

    @GetMapping("/services/{code}.{format}")
    public ResponseEntity<String> definition(@PathVariable String code, @PathVariable String format,
                                             ServerWebExchange exchange) {
        return withFormat(format, f -> jurisdictionProblem(f, exchange.getRequest().getQueryParams())
                .orElseGet(() -> mapping.definition(code)
                        .map(d -> answer(f, HttpStatus.OK, f.single("service_definition", d)))
                        .orElseGet(() -> error(f, HttpStatus.NOT_FOUND, "No service " + code))));
    }

    /** 200 with {@code [{service_request_id, service_notice, account_id}]}: acceptance is synchronous, no token. */
    @PostMapping("/requests.{format}")
    public Mono<ResponseEntity<String>> file(@PathVariable String format, ServerWebExchange exchange) {
        return inFormat(format, f -> exchange.getFormData().map(body -> {
            MultiValueMap<String, String> fields = new LinkedMultiValueMap<>();
            exchange.getRequest().getQueryParams().forEach(fields::addAll);
            body.forEach(fields::addAll);
            return fields;
        }).flatMap(fields -> withSource(f, fields, source -> {
            String serviceCode = fields.getFirst("service_code");
            if (serviceCode == null || reference.category(serviceCode).isEmpty()) {
                return Mono.just(error(f, HttpStatus.BAD_REQUEST, List.of("service_code: names no service")));
            }
            String externalId = "O311-" + UUID.randomUUID();
            return acceptAppeal.accept(mapping.submission(fields, source, externalId))
                    .map(outcome -> {
                        Map<String, Object> row = new LinkedHashMap<>();
                        row.put("service_request_id", outcome.appeal().id());
                        row.put("service_notice", "已受理 Accepted as " + outcome.appeal().number());
                        row.put("account_id", null);
                        return answer(f, HttpStatus.OK, f.list("service_requests", "request", List.of(row)));
                    })
                    .onErrorResume(InvalidRequestException.class, invalid -> Mono.just(error(f,
                            HttpStatus.BAD_REQUEST, invalid.problems().stream()
                                    .map(p -> Open311Mapping.field(p.field()) + ": " + p.message()).toList())));
        })));
    }

    @GetMapping("/requests/{id}.{format}")
    public Mono<ResponseEntity<String>> request(@PathVariable String id, @PathVariable String format,
                                                ServerWebExchange exchange) {
        return inFormat(format, f -> withSource(f, exchange.getRequest().getQueryParams(), source ->
                store.findById(id).filter(appeal -> appeal.source() == source)
                        .map(appeal -> answer(f, HttpStatus.OK,
                                f.list("service_requests", "request", List.of(row(appeal)))))
                        .defaultIfEmpty(error(f, HttpStatus.NOT_FOUND, "No service request " + id))));
    }

    @GetMapping("/requests.{format}")
    public Mono<ResponseEntity<String>> requests(@PathVariable String format, ServerWebExchange exchange) {
        MultiValueMap<String, String> query = exchange.getRequest().getQueryParams();
        return inFormat(format, f -> withSource(f, query, source -> {
            String status = query.getFirst("status");
            if (status != null && !status.equals("open") && !status.equals("closed")) {
                return Mono.just(error(f, HttpStatus.BAD_REQUEST, "status: must be open or closed"));
            }
            Instant to;
            Instant from;
            try {
                to = instant(query.getFirst("end_date")).orElse(clock.instant().plusSeconds(1));
                from = instant(query.getFirst("start_date")).orElse(to.minus(DEFAULT_WINDOW));
            } catch (DateTimeParseException e) {
                return Mono.just(error(f, HttpStatus.BAD_REQUEST,
                        "start_date, end_date: must be W3C datetimes such as 2026-11-23T17:13:09+08:00"));
            }
            String ids = query.getFirst("service_request_id");
            List<String> idList = ids == null ? List.of() : Arrays.stream(ids.split(",")).map(String::strip)
                    .filter(s -> !s.isEmpty()).limit(MAX_ROWS).toList();
            return store.findOfSource(source, idList, query.getFirst("service_code"),
                            status == null ? null : Open311Mapping.statuses(status), from, to, MAX_ROWS)
                    .map(this::row).collectList()
                    .map(rows -> answer(f, HttpStatus.OK, f.list("service_requests", "request", rows)));
        }));
    }

    private Map<String, Object> row(AppealDocument appeal) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("service_request_id", appeal.id());
        row.put("status", Open311Mapping.status(appeal.status()));
        row.put("status_notes", appeal.answer() != null ? appeal.answer().text() : appeal.status().name());
        row.put("service_name", appeal.category() == null ? null
                : reference.category(appeal.category()).map(c -> c.name()).orElse(appeal.category()));
        row.put("service_code", appeal.category());
        row.put("description", Open311Mapping.description(appeal.content()));
        row.put("agency_responsible", appeal.leadDepartment() == null ? null
                : reference.unit(appeal.leadDepartment()).map(Department::name).orElse(appeal.leadDepartment()));
        row.put("service_notice", appeal.number());
        row.put("requested_datetime", GeoReportFormat.datetime(appeal.acceptedAt()));
        row.put("updated_datetime", GeoReportFormat.datetime(appeal.timeline().stream()
                .map(stage -> stage.at()).max(Instant::compareTo).orElse(appeal.acceptedAt())));
        row.put("expected_datetime", GeoReportFormat.datetime(
                appeal.deadlines() == null ? null : appeal.deadlines().answerBy()));
        row.put("address", Open311Mapping.address(appeal.content()));
        row.put("address_id", null);
        row.put("zipcode", null);
        row.put("lat", null);
        row.put("long", null);
        row.put("media_url", null);
        return row;
    }

    /**
     * Answers for the api_key's source; refuses a jurisdiction other than the district's (404) before a missing or
     * wrong api_key (403), since another jurisdiction's key could never be right here.
     */
    private Mono<ResponseEntity<String>> withSource(GeoReportFormat f, MultiValueMap<String, String> fields,
                                                    Function<Source, Mono<ResponseEntity<String>>> answer) {
        return jurisdictionProblem(f, fields).map(Mono::just)
                .orElseGet(() -> source(fields).map(answer).orElseGet(() -> Mono.just(forbidden(f))));
    }

    /** The api_key is a source's key as {@code keyId:secret}; the secret is compared in constant time. */
    private Optional<Source> source(MultiValueMap<String, String> fields) {
        String apiKey = fields.getFirst("api_key");
        if (apiKey == null) {
            return Optional.empty();
        }
        int colon = apiKey.indexOf(':');
        if (colon <= 0) {
            return Optional.empty();
        }
        return keys.find(apiKey.substring(0, colon))
                .filter(key -> MessageDigest.isEqual(key.secret().getBytes(StandardCharsets.UTF_8),
                        apiKey.substring(colon + 1).getBytes(StandardCharsets.UTF_8)))
                .map(key -> Source.valueOf(key.source()));
    }

    private Optional<ResponseEntity<String>> jurisdictionProblem(GeoReportFormat f,
                                                                 MultiValueMap<String, String> fields) {
        return fields.getOrDefault("jurisdiction_id", List.of()).stream()
                .filter(jurisdiction -> !jurisdiction.strip().equals(mapping.jurisdiction())).findFirst()
                .map(jurisdiction -> error(f, HttpStatus.NOT_FOUND, "No jurisdiction " + jurisdiction + "; this is "
                        + mapping.jurisdiction()));
    }

    /** A client that leaves the offset's '+' unencoded in the query sends a space, which can only have meant '+'. */
    private static Optional<Instant> instant(String w3c) {
        return w3c == null || w3c.isBlank() ? Optional.empty()
                : Optional.of(OffsetDateTime.parse(w3c.strip().replace(' ', '+')).toInstant());
    }

    private static ResponseEntity<String> withFormat(String format,
                                                     Function<GeoReportFormat, ResponseEntity<String>> answer) {
        return GeoReportFormat.of(format).map(answer).orElseGet(Open311Controller::unknownFormat);
    }

    private static Mono<ResponseEntity<String>> inFormat(
            String format, Function<GeoReportFormat, Mono<ResponseEntity<String>>> answer) {
        return GeoReportFormat.of(format).map(answer).orElseGet(() -> Mono.just(unknownFormat()));
    }

    private static ResponseEntity<String> forbidden(GeoReportFormat f) {
        return error(f, HttpStatus.FORBIDDEN, "api_key: missing or not a key of this hotline's sources");
    }

    private static ResponseEntity<String> unknownFormat() {
        return error(GeoReportFormat.JSON, HttpStatus.NOT_FOUND, "The format must be .json or .xml");
    }

    private static ResponseEntity<String> error(GeoReportFormat f, HttpStatus status, String description) {
        return error(f, status, List.of(description));
    }

    private static ResponseEntity<String> error(GeoReportFormat f, HttpStatus status, List<String> descriptions) {
        return answer(f, status, f.errors(status.value(), descriptions));
    }

    private static ResponseEntity<String> answer(GeoReportFormat f, HttpStatus status, String body) {
        return ResponseEntity.status(status).header(HttpHeaders.CONTENT_TYPE, f.contentType()).body(body);
    }
}
