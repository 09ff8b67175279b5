package gov.appeals.dispatch.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import gov.appeals.reference.Category;
import gov.appeals.reference.ReferenceData;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class RoutingRulesTest {

    private static final ReferenceData REFERENCE = ReferenceData.bundled();
    private static final RoutingRules RULES = RoutingRules.from(REFERENCE);
    private static final String TRIAGE = "JD-JW";

    static List<Category> routedCategories() {
        return REFERENCE.categories().stream().filter(c -> !c.code().equals("OTHER")).toList();
    }

    @ParameterizedTest
    @MethodSource("routedCategories")
    void routesEveryReferenceCategoryToTheLeadItNames(Category category) {
        RoutingDecision decision = RULES.route(category.code(), "ST-ML");

        assertThat(decision).isInstanceOf(RoutingDecision.Assign.class);
        RoutingDecision.Assign assign = (RoutingDecision.Assign) decision;
        String expectedLead = category.ledByStreet() ? "ST-ML" : category.lead();
        assertThat(assign.lead()).isEqualTo(expectedLead);
        assertThat(assign.coHandlers()).containsExactlyElementsOf(
                category.coHandlers().stream().filter(c -> !c.equals(expectedLead)).toList());
        assertThat(assign.decidedBy()).isEqualTo("rule:category:" + category.code());
        assertThat(assign.reason()).contains(category.name()).contains(category.code());
    }

    @Test
    void streetLedCategoryGoesToTheEnterprisesStreetAndNamesIt() {
        RoutingDecision.Assign assign = (RoutingDecision.Assign) RULES.route("NEIGHBORHOOD", "ST-AT");

        assertThat(assign.lead()).isEqualTo("ST-AT");
        assertThat(assign.coHandlers()).isEmpty();
        assertThat(assign.reason()).contains("安亭镇").contains("ST-AT");
    }

    @Test
    void streetLedCategoryWithoutAKnownStreetGoesToTriage() {
        RoutingDecision noStreet = RULES.route("NEIGHBORHOOD", null);
        assertThat(noStreet).isInstanceOf(RoutingDecision.Triage.class);
        assertThat(((RoutingDecision.Triage) noStreet).department()).isEqualTo(TRIAGE);
        assertThat(noStreet.reason()).contains("no known street/town");
        assertThat(RULES.route("NEIGHBORHOOD", "ST-NOWHERE")).isInstanceOf(RoutingDecision.Triage.class);
    }

    @Test
    void unclassifiedAppealGoesToTriage() {
        RoutingDecision decision = RULES.route(null, "ST-WG");

        assertThat(decision).isInstanceOf(RoutingDecision.Triage.class);
        assertThat(((RoutingDecision.Triage) decision).department()).isEqualTo(TRIAGE);
        assertThat(decision.reason()).contains("could not classify");
    }

    @Test
    void catchAllCategoryGoesToTriage() {
        RoutingDecision decision = RULES.route("OTHER", "ST-WG");

        assertThat(decision).isInstanceOf(RoutingDecision.Triage.class);
        assertThat(((RoutingDecision.Triage) decision).department()).isEqualTo(TRIAGE);
        assertThat(decision.reason()).contains("OTHER");
    }

    @Test
    void unknownCategoryGoesToTriage() {
        RoutingDecision decision = RULES.route("SPACE_TRAVEL", "ST-WG");

        assertThat(decision).isInstanceOf(RoutingDecision.Triage.class);
        assertThat(decision.reason()).contains("SPACE_TRAVEL");
    }

    @Test
    void triageUnitIsNotACoHandlerOfWhatItLeads() {
        RoutingDecision.Assign assign = (RoutingDecision.Assign) new RoutingRules(
                List.of(new RoutingRule("X", "X", "JD-KW", List.of("JD-KW", "JD-CZ"))),
                Map.of("JD-KW", "区科委", "JD-CZ", "区财政局", TRIAGE, "区经委"), TRIAGE).route("X", null);

        assertThat(assign.coHandlers()).containsExactly("JD-CZ");
    }

    @Test
    void rulesAreDataWithOneRulePerRoutedCategory() {
        assertThat(RULES.rules()).extracting(RoutingRule::category)
                .containsExactlyElementsOf(routedCategories().stream().map(Category::code).toList());
    }

    @Test
    void everySampleAppealRoutesToTheLeadOfItsExpectedCategory() throws Exception {
        JsonMapper json = JsonMapper.builder().build();
        int checked = 0;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                RoutingRulesTest.class.getResourceAsStream("/reference/sample-appeals.jsonl"), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode sample = json.readTree(line);
                JsonNode expectedCategory = sample.path("expected").path("category");
                String category = expectedCategory.isNull() ? null : expectedCategory.asString();
                String street = sample.path("street").asString();
                RoutingDecision decision = RULES.route(category, street);

                Category known = category == null ? null : REFERENCE.category(category).orElseThrow();
                if (known == null || known.code().equals("OTHER")) {
                    assertThat(decision).as(line).isInstanceOf(RoutingDecision.Triage.class);
                } else {
                    String lead = known.ledByStreet() ? street : known.lead();
                    assertThat(((RoutingDecision.Assign) decision).lead()).as(line).isEqualTo(lead);
                }
                checked++;
            }
        }
        assertThat(checked).isEqualTo(40);
    }
}
