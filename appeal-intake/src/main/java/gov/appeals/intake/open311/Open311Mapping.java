package gov.appeals.intake.open311;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import gov.appeals.events.AppealStatus;
import gov.appeals.events.Source;
import gov.appeals.intake.acceptance.Submission;
import gov.appeals.reference.Category;
import gov.appeals.reference.ReferenceData;

/**
 * Appeal categories as GeoReport services, and a GeoReport request as an intake {@link Submission} (docs/open311.md).
 * The enterprise and its street are required attributes, since an appeal cannot be accepted without them.
 */
public final class Open311Mapping {

    public static final String CREDIT_CODE = "enterprise_credit_code";
    public static final String ENTERPRISE_NAME = "enterprise_name";
    public static final String STREET = "street";

    /**
     * Separates the filed description from the location in the appeal's content: departments read the content, so
     * the location must be in it, and GeoReport gives back the description and the address apart.
     */
    static final String LOCATION_MARK = "\n\n【地址 Address】";

    private static final int TITLE_LENGTH = 100;

    private final ReferenceData reference;

    public Open311Mapping(ReferenceData reference) {
        this.reference = reference;
    }

    public String jurisdiction() {
        return reference.district();
    }

    public List<Map<String, Object>> services() {
        return reference.categories().stream().map(this::service).toList();
    }

    public Optional<Map<String, Object>> definition(String serviceCode) {
        return reference.category(serviceCode).map(category -> {
            Map<String, Object> definition = new LinkedHashMap<>();
            definition.put("service_code", category.code());
            definition.put("attributes", List.of(
                    attribute(CREDIT_CODE, "string", 1, "统一社会信用代码 Unified social credit code",
                            "18 characters, GB 32100-2015 check digit", List.of()),
                    attribute(ENTERPRISE_NAME, "string", 2, "企业名称 Enterprise name", "The registered name",
                            List.of()),
                    attribute(STREET, "singlevaluelist", 3, "街镇 Street or town",
                            "The street or town where the enterprise is", reference.streets().stream()
                                    .map(s -> value(s.code(), s.name())).toList())));
            return definition;
        });
    }

    private Map<String, Object> service(Category category) {
        Map<String, Object> service = new LinkedHashMap<>();
        service.put("service_code", category.code());
        service.put("service_name", category.name());
        service.put("description", category.name());
        service.put("metadata", "true");
        service.put("type", "realtime");
        service.put("keywords", String.join(",", category.keywords()));
        service.put("group", "企业诉求");
        return service;
    }

    private static Map<String, Object> attribute(String code, String datatype, int order, String description,
                                                 String datatypeDescription, List<Map<String, Object>> values) {
        Map<String, Object> attribute = new LinkedHashMap<>();
        attribute.put("variable", "true");
        attribute.put("code", code);
        attribute.put("datatype", datatype);
        attribute.put("required", "true");
        attribute.put("datatype_description", datatypeDescription);
        attribute.put("order", String.valueOf(order));
        attribute.put("description", description);
        attribute.put("values", values);
        return attribute;
    }

    private static Map<String, Object> value(String key, String name) {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("key", key);
        value.put("name", name);
        return value;
    }

    /**
     * @param form       the request's fields, a name given several times keeping every value in order
     * @param source     the source the api_key belongs to
     * @param externalId the id this request is filed under with that source
     */
    public Submission submission(Map<String, List<String>> form, Source source, String externalId) {
        String description = first(form, "description");
        String location = location(form);
        String content = description == null || location == null ? description : description + LOCATION_MARK + location;
        String contact = join(first(form, "last_name"), first(form, "first_name"));
        return new Submission(source, externalId, new Submission.Applicant(attribute(form, ENTERPRISE_NAME),
                attribute(form, CREDIT_CODE), contact, first(form, "phone"), null), attribute(form, STREET),
                title(description), content, first(form, "service_code"), null);
    }

    /** The description as filed, without the location intake appended to it. */
    public static String description(String content) {
        if (content == null) {
            return null;
        }
        int mark = content.lastIndexOf(LOCATION_MARK);
        return mark < 0 ? content : content.substring(0, mark);
    }

    /** The location as filed (address_string, else lat/long, else address_id); null when none was. */
    public static String address(String content) {
        if (content == null) {
            return null;
        }
        int mark = content.lastIndexOf(LOCATION_MARK);
        return mark < 0 ? null : content.substring(mark + LOCATION_MARK.length());
    }

    /** The GeoReport field behind a field of a submission, for an error's description. */
    public static String field(String submissionField) {
        return switch (submissionField) {
            case "enterprise.name" -> "attribute[" + ENTERPRISE_NAME + "]";
            case "enterprise.creditCode" -> "attribute[" + CREDIT_CODE + "]";
            case "enterprise.contactName" -> "first_name, last_name";
            case "enterprise.phone" -> "phone";
            case "street" -> "attribute[" + STREET + "]";
            case "title", "content" -> "description";
            case "category" -> "service_code";
            default -> submissionField;
        };
    }

    /** GeoReport knows two states; an appeal is closed when closed, or rejected at acceptance. */
    public static String status(AppealStatus status) {
        return status == AppealStatus.CLOSED || status == AppealStatus.REJECTED ? "closed" : "open";
    }

    public static List<AppealStatus> statuses(String open311Status) {
        List<AppealStatus> matching = new ArrayList<>();
        for (AppealStatus s : AppealStatus.values()) {
            if (status(s).equals(open311Status)) {
                matching.add(s);
            }
        }
        return matching;
    }

    private static String location(Map<String, List<String>> form) {
        String address = first(form, "address_string");
        if (address != null) {
            return address;
        }
        String lat = first(form, "lat");
        String lon = first(form, "long");
        if (lat != null && lon != null) {
            return lat + "," + lon;
        }
        String addressId = first(form, "address_id");
        return addressId == null ? null : "address_id " + addressId;
    }

    /** An appeal needs a title; GeoReport has none, so it is the description's first line, cut to fit. */
    private static String title(String description) {
        if (description == null || description.isBlank()) {
            return description;
        }
        String line = description.strip().lines().findFirst().orElse("");
        return line.codePointCount(0, line.length()) <= TITLE_LENGTH ? line
                : line.substring(0, line.offsetByCodePoints(0, TITLE_LENGTH));
    }

    /** A list attribute may come as {@code attribute[code][]} or as a repeated {@code attribute[code]}. */
    private static String attribute(Map<String, List<String>> form, String code) {
        String single = first(form, "attribute[" + code + "]");
        return single != null ? single : first(form, "attribute[" + code + "][]");
    }

    private static String first(Map<String, List<String>> form, String name) {
        List<String> values = form.get(name);
        if (values == null) {
            return null;
        }
        return values.stream().filter(v -> v != null && !v.isBlank()).map(String::strip).findFirst().orElse(null);
    }

    private static String join(String a, String b) {
        if (a == null) {
            return b;
        }
        return b == null ? a : a + b;
    }
}
