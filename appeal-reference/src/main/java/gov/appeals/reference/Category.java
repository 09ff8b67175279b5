package gov.appeals.reference;

import java.util.List;

import gov.appeals.events.Urgency;

/**
 * An appeal category with its default routing.
 *
 * @param lead      a department code, or {@link #STREET_LEAD} for "the street/town where the enterprise is"
 * @param urgency   the category's default urgency, null when it has none
 * @param keywords  words whose presence in an appeal's title or text suggests this category
 */
public record Category(String code, String name, String lead, List<String> coHandlers, Urgency urgency,
                       List<String> keywords) {

    public static final String STREET_LEAD = "STREET";

    public Category {
        coHandlers = coHandlers == null ? List.of() : List.copyOf(coHandlers);
        keywords = keywords == null ? List.of() : List.copyOf(keywords);
    }

    public boolean ledByStreet() {
        return STREET_LEAD.equals(lead);
    }
}
