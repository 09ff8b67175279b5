package gov.appeals.intake.open311;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import gov.appeals.events.AppealStatus;
import gov.appeals.events.Source;
import gov.appeals.intake.acceptance.Submission;
import gov.appeals.intake.acceptance.SubmissionRules;
import gov.appeals.kit.web.TextRules;
import gov.appeals.reference.ReferenceData;

class Open311MappingTest {

    private final ReferenceData reference = ReferenceData.bundled();
    private final Open311Mapping mapping = new Open311Mapping(reference);

    private static Map<String, List<String>> form() {
        Map<String, List<String>> form = new LinkedHashMap<>();
        form.put("service_code", List.of("FINANCING"));
        form.put("first_name", List.of("先生"));
        form.put("last_name", List.of("吴"));
        form.put("phone", List.of("13078106871"));
        form.put("description", List.of("续贷困难\n银行要求追加抵押物"));
        form.put("address_string", List.of("育绿路253号"));
        form.put("attribute[enterprise_credit_code]", List.of("91310114CL12TH3B1T"));
        form.put("attribute[enterprise_name]", List.of("上海江桥物流供应链有限公司"));
        form.put("attribute[street][]", List.of("ST-ML"));
        return form;
    }

    @Test
    void aRequestIsASubmissionIntakeAccepts() {
        Submission s = mapping.submission(form(), Source.ONLINE_PORTAL, "O311-1");
        assertThat(new SubmissionRules(reference, TextRules.DEFAULTS).check(s)).isEmpty();
        assertThat(s.enterprise().contactName()).isEqualTo("吴先生");
        assertThat(s.street()).isEqualTo("ST-ML");
        assertThat(s.title()).isEqualTo("续贷困难");
        assertThat(Open311Mapping.description(s.content())).isEqualTo("续贷困难\n银行要求追加抵押物");
        assertThat(Open311Mapping.address(s.content())).isEqualTo("育绿路253号");
    }

    @Test
    void theLocationFallsBackToCoordinatesThenTheAddressId() {
        Map<String, List<String>> form = form();
        form.remove("address_string");
        form.put("lat", List.of("31.38"));
        form.put("long", List.of("121.25"));
        assertThat(Open311Mapping.address(mapping.submission(form, Source.ONLINE_PORTAL, "x").content()))
                .isEqualTo("31.38,121.25");
        form.remove("lat");
        form.put("address_id", List.of("A-7"));
        assertThat(Open311Mapping.address(mapping.submission(form, Source.ONLINE_PORTAL, "x").content()))
                .isEqualTo("address_id A-7");
        form.remove("address_id");
        String content = mapping.submission(form, Source.ONLINE_PORTAL, "x").content();
        assertThat(content).isEqualTo("续贷困难\n银行要求追加抵押物");
        assertThat(Open311Mapping.address(content)).isNull();
    }

    @Test
    void aLongFirstLineIsCutToATitle() {
        Map<String, List<String>> form = form();
        form.put("description", List.of("题".repeat(150)));
        assertThat(mapping.submission(form, Source.ONLINE_PORTAL, "x").title()).hasSize(100);
    }

    @Test
    void onlyClosedAndRejectedAppealsAreClosed() {
        assertThat(Open311Mapping.status(AppealStatus.CLOSED)).isEqualTo("closed");
        assertThat(Open311Mapping.status(AppealStatus.REJECTED)).isEqualTo("closed");
        assertThat(Open311Mapping.status(AppealStatus.RESPONDED)).isEqualTo("open");
        assertThat(Open311Mapping.statuses("closed")).containsExactlyInAnyOrder(AppealStatus.CLOSED,
                AppealStatus.REJECTED);
        assertThat(Open311Mapping.statuses("open")).doesNotContain(AppealStatus.CLOSED, AppealStatus.REJECTED)
                .contains(AppealStatus.ACCEPTED, AppealStatus.REOPENED);
    }

    @Test
    void errorsNameTheGeoReportField() {
        assertThat(Open311Mapping.field("enterprise.creditCode")).isEqualTo("attribute[enterprise_credit_code]");
        assertThat(Open311Mapping.field("category")).isEqualTo("service_code");
    }

    @Test
    void datetimesAreW3cWithTheDistrictsOffsetToTheSecond() {
        assertThat(GeoReportFormat.datetime(Instant.parse("2026-11-23T09:13:09.987Z")))
                .isEqualTo("2026-11-23T17:13:09+08:00");
    }

    @Test
    void bothFormatsEscapeWhatTheyMust() {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("description", "a \"b\" <c> & \n");
        row.put("media_url", null);
        assertThat(GeoReportFormat.JSON.list("service_requests", "request", List.of(row)))
                .isEqualTo("[{\"description\":\"a \\\"b\\\" <c> & \\n\",\"media_url\":null}]");
        assertThat(GeoReportFormat.XML.list("service_requests", "request", List.of(row)))
                .startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?><service_requests><request>")
                .contains("&lt;c&gt; &amp;").contains("<media_url></media_url>");
        assertThat(GeoReportFormat.XML.errors(404, List.of("none"))).endsWith(
                "<errors><error><code>404</code><description>none</description></error></errors>");
    }
}
