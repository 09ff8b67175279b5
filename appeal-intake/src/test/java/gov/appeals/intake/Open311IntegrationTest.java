package gov.appeals.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;
import org.w3c.dom.Document;

import gov.appeals.events.AnswerResult;
import gov.appeals.events.AppealStatus;
import gov.appeals.intake.appeal.Stage;
import gov.appeals.intake.appeal.store.AppealDocument;
import gov.appeals.testsupport.TestIssuer;

/** Open311 GeoReport v2 as a client sees it, in both formats (docs/open311.md). */
class Open311IntegrationTest extends ServiceTestSupport {

    private static final ParameterizedTypeReference<List<Map<String, Object>>> ROWS = new ParameterizedTypeReference<>() {
    };
    private static final String PORTAL_KEY = TestIssuer.SourceKeys.keyId("ONLINE_PORTAL") + ":"
            + TestIssuer.SourceKeys.SECRETS.get("ONLINE_PORTAL");
    private static final String HOTLINE_KEY = TestIssuer.SourceKeys.keyId("HOTLINE_12345") + ":"
            + TestIssuer.SourceKeys.SECRETS.get("HOTLINE_12345");
    private static final String W3C = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+08:00";
    private static final String JSON = "application/json;charset=utf-8";
    private static final String XML = "text/xml;charset=utf-8";

    @Autowired
    ReactiveMongoTemplate mongo;

    @Test
    void servicesAreTheCategoriesInBothFormats() {
        List<Map<String, Object>> services = anonymous.get().uri("/open311/v2/services.json").exchange()
                .expectStatus().isOk().expectHeader().contentType(JSON).expectBody(ROWS).returnResult()
                .getResponseBody();
        assertThat(services).anySatisfy(s -> {
            assertThat(s).containsEntry("service_code", "FINANCING").containsEntry("metadata", "true")
                    .containsEntry("type", "realtime").containsKeys("service_name", "description", "keywords",
                            "group");
        });

        String xml = xml(anonymous.get().uri("/open311/v2/services.xml?jurisdiction_id=JD").exchange()
                .expectStatus().isOk());
        Document doc = parse(xml);
        assertThat(doc.getDocumentElement().getTagName()).isEqualTo("services");
        assertThat(doc.getElementsByTagName("service").getLength()).isEqualTo(services.size());
        assertThat(xml).contains("<service_code>FINANCING</service_code>");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aDefinitionAsksForTheEnterpriseAndItsStreet() {
        Map<String, Object> definition = anonymous.get().uri("/open311/v2/services/FINANCING.json").exchange()
                .expectStatus().isOk().expectHeader().contentType(JSON).expectBody(MAP).returnResult()
                .getResponseBody();
        assertThat(definition).containsEntry("service_code", "FINANCING");
        List<Map<String, Object>> attributes = list(definition.get("attributes"));
        assertThat(attributes).extracting(a -> a.get("code"))
                .containsExactly("enterprise_credit_code", "enterprise_name", "street");
        assertThat(attributes).allSatisfy(a -> assertThat(a).containsEntry("required", "true")
                .containsKeys("variable", "datatype", "datatype_description", "order", "description", "values"));
        assertThat((List<Map<String, Object>>) attributes.get(2).get("values"))
                .contains(Map.of("key", "ST-ML", "name", "马陆镇"));

        Document doc = parse(xml(anonymous.get().uri("/open311/v2/services/FINANCING.xml").exchange()
                .expectStatus().isOk()));
        assertThat(doc.getDocumentElement().getTagName()).isEqualTo("service_definition");
        assertThat(doc.getElementsByTagName("attribute").getLength()).isEqualTo(3);
        assertThat(doc.getElementsByTagName("value").getLength()).isEqualTo(list(attributes.get(2).get("values"))
                .size());
    }

    @Test
    void anUnknownServiceIsNotFoundInBothFormats() {
        assertThat(anonymous.get().uri("/open311/v2/services/NO_SUCH.json").exchange()
                .expectStatus().isNotFound().expectHeader().contentType(JSON).expectBody(ROWS).returnResult()
                .getResponseBody()).singleElement().satisfies(e -> assertThat(e).containsEntry("code", "404")
                .containsKey("description"));
        assertError(xml(anonymous.get().uri("/open311/v2/services/NO_SUCH.xml").exchange()
                .expectStatus().isNotFound()), "404");
        assertError(xml(anonymous.get().uri("/open311/v2/services.xml?jurisdiction_id=XX").exchange()
                .expectStatus().isNotFound()), "404");
    }

    @Test
    void aFiledRequestIsReadBackInBothFormats() {
        Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        List<Map<String, Object>> filed = file("json", form(PORTAL_KEY)).expectStatus().isOk()
                .expectHeader().contentType(JSON).expectBody(ROWS).returnResult().getResponseBody();
        assertThat(filed).singleElement().satisfies(r -> assertThat(r).containsKeys("service_request_id",
                "service_notice", "account_id"));
        String id = (String) filed.get(0).get("service_request_id");

        Map<String, Object> request = anonymous.get()
                .uri("/open311/v2/requests/{id}.json?api_key={key}&jurisdiction_id=JD", id, PORTAL_KEY)
                .exchange().expectStatus().isOk().expectHeader().contentType(JSON).expectBody(ROWS).returnResult()
                .getResponseBody().get(0);
        assertThat(request).containsEntry("service_request_id", id).containsEntry("status", "open")
                .containsEntry("service_code", "FINANCING")
                .containsEntry("description", "流动资金贷款续贷困难\n原有500万元贷款下月到期，银行要求追加抵押物。")
                .containsKeys("status_notes", "agency_responsible", "address_id", "zipcode", "lat", "long",
                        "media_url");
        assertThat((String) request.get("address")).contains("上海市嘉定区马陆镇育绿路253号");
        assertThat((String) request.get("requested_datetime")).matches(W3C);
        assertThat((String) request.get("updated_datetime")).matches(W3C);
        assertThat((String) request.get("expected_datetime")).matches(W3C);
        assertThat(OffsetDateTime.parse((String) request.get("requested_datetime")).toInstant())
                .isBetween(before, Instant.now());
        // The same appeal as the hotline API's, by the same id.
        assertThat(get(id)).containsEntry("id", id);

        MultiValueMap<String, String> listForm = form(PORTAL_KEY);
        listForm.remove("attribute[street]");
        listForm.add("attribute[street][]", "ST-ML");
        String xml = xml(file("xml", listForm).expectStatus().isOk());
        Document doc = parse(xml);
        assertThat(doc.getDocumentElement().getTagName()).isEqualTo("service_requests");
        String xmlId = doc.getElementsByTagName("service_request_id").item(0).getTextContent();
        Document read = parse(xml(anonymous.get().uri("/open311/v2/requests/{id}.xml?api_key={key}", xmlId,
                PORTAL_KEY).exchange().expectStatus().isOk()));
        assertThat(read.getElementsByTagName("request").getLength()).isEqualTo(1);
        assertThat(read.getElementsByTagName("status").item(0).getTextContent()).isEqualTo("open");
        assertThat(read.getElementsByTagName("requested_datetime").item(0).getTextContent()).matches(W3C);
    }

    @Test
    void filingNeedsAnApiKeyOfASource() {
        MultiValueMap<String, String> noKey = form(null);
        assertThat(file("json", noKey).expectStatus().isForbidden().expectHeader().contentType(JSON)
                .expectBody(ROWS).returnResult().getResponseBody())
                .singleElement().satisfies(e -> assertThat(e).containsEntry("code", "403"));
        assertError(xml(file("xml", form(TestIssuer.SourceKeys.keyId("ONLINE_PORTAL") + ":wrong"))
                .expectStatus().isForbidden()), "403");
        assertError(xml(file("xml", form("no-such-key:secret")).expectStatus().isForbidden()), "403");
        assertError(xml(anonymous.get().uri("/open311/v2/requests.xml").exchange().expectStatus().isForbidden()),
                "403");
    }

    @Test
    void badRequestsGetGeoReportErrors() {
        MultiValueMap<String, String> badService = form(PORTAL_KEY);
        badService.set("service_code", "NO_SUCH");
        assertThat(file("json", badService).expectStatus().isBadRequest().expectBody(ROWS).returnResult()
                .getResponseBody()).singleElement().satisfies(e -> assertThat(e).containsEntry("code", "400")
                .satisfies(m -> assertThat((String) m.get("description")).contains("service_code")));

        MultiValueMap<String, String> badCode = form(PORTAL_KEY);
        badCode.set("attribute[enterprise_credit_code]", "91310114CL12TH3B1X");
        String xml = xml(file("xml", badCode).expectStatus().isBadRequest());
        assertError(xml, "400");
        assertThat(xml).contains("attribute[enterprise_credit_code]");

        MultiValueMap<String, String> twoWrong = form(PORTAL_KEY);
        twoWrong.remove("phone");
        twoWrong.remove("attribute[street]");
        assertThat(file("json", twoWrong).expectStatus().isBadRequest().expectBody(ROWS).returnResult()
                .getResponseBody()).extracting(e -> (String) e.get("description"))
                .anySatisfy(d -> assertThat(d).startsWith("phone: "))
                .anySatisfy(d -> assertThat(d).startsWith("attribute[street]: "));

        MultiValueMap<String, String> otherDistrict = form(PORTAL_KEY);
        otherDistrict.set("jurisdiction_id", "XX");
        file("json", otherDistrict).expectStatus().isNotFound();

        assertThat(anonymous.get().uri("/open311/v2/requests.json?api_key={key}&start_date=yesterday", PORTAL_KEY)
                .exchange().expectStatus().isBadRequest().expectBody(ROWS).returnResult().getResponseBody())
                .singleElement().satisfies(e -> assertThat(e).containsEntry("code", "400"));
    }

    @Test
    void anUnknownOrAnotherSourcesRequestIsNotFound() {
        assertThat(anonymous.get().uri("/open311/v2/requests/no-such-id.json?api_key={key}", PORTAL_KEY)
                .exchange().expectStatus().isNotFound().expectHeader().contentType(JSON).expectBody(ROWS)
                .returnResult().getResponseBody()).singleElement()
                .satisfies(e -> assertThat(e).containsEntry("code", "404"));
        assertError(xml(anonymous.get().uri("/open311/v2/requests/no-such-id.xml?api_key={key}", PORTAL_KEY)
                .exchange().expectStatus().isNotFound()), "404");

        String id = filedId();
        anonymous.get().uri("/open311/v2/requests/{id}.json?api_key={key}", id, HOTLINE_KEY).exchange()
                .expectStatus().isNotFound();
    }

    @Test
    void requestsAreFiltered() {
        String a = filedId();
        String b = filedId();
        assertThat(ids("service_request_id=" + a + "," + b + "&status=closed")).containsExactlyInAnyOrder(a, b);
        assertThat(ids("service_code=FINANCING&status=open")).contains(a, b);
        assertThat(ids("service_code=POLICY")).doesNotContain(a, b);
        assertThat(ids("status=closed")).doesNotContain(a, b);
        assertThat(anonymous.get().uri("/open311/v2/requests.json?api_key={key}&start_date={from}&end_date={to}",
                        PORTAL_KEY, "2020-01-01T00:00:00+08:00", "2020-02-01T00:00:00+08:00").exchange()
                .expectStatus().isOk().expectBody(ROWS).returnResult().getResponseBody()).isEmpty();
        assertThat(ids("")).contains(a, b);

        Document doc = parse(xml(anonymous.get()
                .uri("/open311/v2/requests.xml?api_key={key}&service_request_id={ids}", PORTAL_KEY, a + "," + b)
                .exchange().expectStatus().isOk()));
        assertThat(doc.getElementsByTagName("request").getLength()).isEqualTo(2);
        assertThat(ids("service_request_id=nothing-here")).isEmpty();
        assertThat(ids("start_date=2020-01-01T00:00:00+08:00")).contains(a, b);
    }

    /** What the status projection writes once an appeal is assigned, answered and closed, written here directly. */
    @Test
    void aClosedAppealIsClosedWithItsAnswerAsNotes() {
        String id = filedId();
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), new Update().set("status", AppealStatus.CLOSED)
                        .set("leadDepartment", "JD-JW")
                        .set("answer", new Stage.Answer(AnswerResult.RESOLVED, "已协调银行续贷", "JD-JW", Instant.now())),
                AppealDocument.class).block(Duration.ofSeconds(10));
        Document doc = parse(xml(anonymous.get().uri("/open311/v2/requests/{id}.xml?api_key={key}", id, PORTAL_KEY)
                .exchange().expectStatus().isOk()));
        assertThat(doc.getElementsByTagName("status").item(0).getTextContent()).isEqualTo("closed");
        assertThat(doc.getElementsByTagName("status_notes").item(0).getTextContent()).isEqualTo("已协调银行续贷");
        assertThat(doc.getElementsByTagName("agency_responsible").item(0).getTextContent()).isEqualTo("区经委");
        assertThat(ids("status=closed&service_code=FINANCING")).contains(id);
        assertThat(ids("status=open")).doesNotContain(id);
    }

    /** The authorization matrix test compares the OpenAPI paths with the signed and bearer rows only. */
    @Test
    void geoReportStaysOutOfTheOpenApiDocument() {
        String apiDocs = new String(anonymous.get().uri("/v3/api-docs").exchange().expectStatus().isOk()
                .expectBody().returnResult().getResponseBodyContent(), StandardCharsets.UTF_8);
        assertThat(apiDocs).contains("/api/v1/appeals").doesNotContain("/open311");
    }

    private List<Object> ids(String query) {
        return anonymous.get().uri("/open311/v2/requests.json?api_key=" + PORTAL_KEY + "&" + query).exchange()
                .expectStatus().isOk().expectHeader().contentType(JSON).expectBody(ROWS).returnResult()
                .getResponseBody().stream().map(r -> r.get("service_request_id")).toList();
    }

    private String filedId() {
        return (String) file("json", form(PORTAL_KEY)).expectStatus().isOk().expectBody(ROWS).returnResult()
                .getResponseBody().get(0).get("service_request_id");
    }

    private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec file(
            String format, MultiValueMap<String, String> form) {
        return anonymous.post().uri("/open311/v2/requests." + format + "?jurisdiction_id=JD")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).body(BodyInserters.fromFormData(form))
                .exchange();
    }

    private static MultiValueMap<String, String> form(String apiKey) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        if (apiKey != null) {
            form.add("api_key", apiKey);
        }
        form.add("service_code", "FINANCING");
        form.add("address_string", "上海市嘉定区马陆镇育绿路253号");
        form.add("email", "wu@example.com");
        form.add("first_name", "先生");
        form.add("last_name", "吴");
        form.add("phone", "13078106871");
        form.add("description", "流动资金贷款续贷困难\n原有500万元贷款下月到期，银行要求追加抵押物。");
        form.add("attribute[enterprise_credit_code]", "91310114CL12TH3B1T");
        form.add("attribute[enterprise_name]", "上海江桥物流供应链有限公司");
        form.add("attribute[street]", "ST-ML");
        return form;
    }

    private static String xml(org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec response) {
        String body = new String(response.expectHeader().contentType(XML).expectBody().returnResult()
                .getResponseBodyContent(), StandardCharsets.UTF_8);
        assertThat(body).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
        return body;
    }

    private static void assertError(String xml, String code) {
        Document doc = parse(xml);
        assertThat(doc.getDocumentElement().getTagName()).isEqualTo("errors");
        assertThat(doc.getElementsByTagName("error").getLength()).isEqualTo(1);
        assertThat(doc.getElementsByTagName("code").item(0).getTextContent()).isEqualTo(code);
        assertThat(doc.getElementsByTagName("description").item(0).getTextContent()).isNotBlank();
    }

    private static Document parse(String xml) {
        try {
            var factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new AssertionError("Not well-formed XML: " + xml, e);
        }
    }
}
