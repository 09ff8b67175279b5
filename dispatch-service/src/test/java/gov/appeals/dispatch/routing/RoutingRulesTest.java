package gov.appeals.dispatch.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import gov.appeals.dispatch.routing.RoutingHistory.PastRouting;
import gov.appeals.events.Classification;
import gov.appeals.events.Source;
import gov.appeals.events.Urgency;
import gov.appeals.kit.web.FieldProblem;
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

    // --- the seed: today's routing of hotline appeals -----------------------------------------------------------

    @ParameterizedTest
    @MethodSource("routedCategories")
    void routesEveryReferenceCategoryToTheLeadItNames(Category category) {
        RoutingDecision decision = route(RULES, category.code(), "ST-ML");

        assertThat(decision).isInstanceOf(RoutingDecision.Assign.class);
        RoutingDecision.Assign assign = (RoutingDecision.Assign) decision;
        String expectedLead = category.ledByStreet() ? "ST-ML" : category.lead();
        assertThat(assign.lead()).isEqualTo(expectedLead);
        assertThat(assign.coHandlers()).containsExactlyElementsOf(
                category.coHandlers().stream().filter(c -> !c.equals(expectedLead)).toList());
        assertThat(assign.decidedBy()).isEqualTo("rule:category:" + category.code());
        assertThat(assign.ruleVersion()).isEqualTo(1);
        assertThat(assign.reason()).contains(category.name()).contains(category.code());
    }

    @Test
    void streetLedCategoryGoesToTheEnterprisesStreetAndNamesIt() {
        RoutingDecision.Assign assign = (RoutingDecision.Assign) route(RULES, "NEIGHBORHOOD", "ST-AT");

        assertThat(assign.lead()).isEqualTo("ST-AT");
        assertThat(assign.coHandlers()).isEmpty();
        assertThat(assign.reason()).contains("安亭镇").contains("ST-AT");
    }

    @Test
    void streetLedCategoryWithoutAKnownStreetGoesToTriage() {
        RoutingDecision noStreet = route(RULES, "NEIGHBORHOOD", null);
        assertThat(noStreet).isInstanceOf(RoutingDecision.Triage.class);
        assertThat(((RoutingDecision.Triage) noStreet).department()).isEqualTo(TRIAGE);
        assertThat(noStreet.reason()).contains("no known street/town");
        assertThat(route(RULES, "NEIGHBORHOOD", "ST-NOWHERE")).isInstanceOf(RoutingDecision.Triage.class);
    }

    @Test
    void unclassifiedAppealGoesToTriage() {
        RoutingDecision decision = route(RULES, null, "ST-WG");

        assertThat(decision).isInstanceOf(RoutingDecision.Triage.class);
        assertThat(((RoutingDecision.Triage) decision).department()).isEqualTo(TRIAGE);
        assertThat(decision.reason()).contains("could not classify");
    }

    @Test
    void anAppealIntakesModelWasUnsureOfGoesToTriageWithItsCandidatesInTheReason() {
        AppealFacts unsure = new AppealFacts(null, "ST-WG", Urgency.NORMAL, Source.HOTLINE_12345, false, "反映个情况",
                List.of(new Classification.Candidate("FINANCING", 0.31), new Classification.Candidate("POLICY", 0.27)));

        RoutingDecision decision = RULES.route(unsure, Set.of());

        assertThat(decision).isInstanceOf(RoutingDecision.Triage.class);
        assertThat(decision.reason()).contains("not confident").contains("融资服务 (FINANCING) 0.31")
                .contains("惠企政策与专项资金 (POLICY) 0.27");
    }

    @Test
    void catchAllCategoryGoesToTriage() {
        RoutingDecision decision = route(RULES, "OTHER", "ST-WG");

        assertThat(decision).isInstanceOf(RoutingDecision.Triage.class);
        assertThat(((RoutingDecision.Triage) decision).department()).isEqualTo(TRIAGE);
        assertThat(decision.reason()).contains("OTHER");
    }

    @Test
    void unknownCategoryGoesToTriage() {
        RoutingDecision decision = route(RULES, "SPACE_TRAVEL", "ST-WG");

        assertThat(decision).isInstanceOf(RoutingDecision.Triage.class);
        assertThat(decision.reason()).contains("SPACE_TRAVEL");
    }

    @Test
    void leadIsNotACoHandlerOfWhatItLeads() {
        RoutingRules rules = RoutingRules.candidate(List.of(rule("x", 1, Match.categories(List.of("TAX")), "JD-KW",
                List.of("JD-KW", "JD-CZ"))), REFERENCE);

        assertThat(((RoutingDecision.Assign) route(rules, "TAX", null)).coHandlers()).containsExactly("JD-CZ");
    }

    @Test
    void seedIsTheJurisdictionRuleThenOneRulePerRoutedCategoryInFileOrder() {
        List<RoutingRule> seed = RULES.rules();

        assertThat(RULES.version()).isEqualTo(1);
        assertThat(seed.get(0).id()).isEqualTo("jurisdiction:offline");
        assertThat(seed.get(0).lead()).isEqualTo(RoutingRule.STREET);
        assertThat(seed.get(0).match().sources()).containsExactly(Source.STREET_CENTRE, Source.SERVICE_COMMISSIONER);
        assertThat(seed.get(0).match().categories()).containsExactly("NEIGHBORHOOD", "OTHER");
        assertThat(seed.subList(1, seed.size())).extracting(RoutingRule::id).containsExactlyElementsOf(
                routedCategories().stream().map(c -> "category:" + c.code()).toList());
        assertThat(seed).extracting(RoutingRule::priority).isSorted().doesNotHaveDuplicates();
        assertThat(RuleValidation.problems("rules", seed, REFERENCE)).isEmpty();
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
                RoutingDecision decision = route(RULES, category, street);

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

    // --- jurisdiction --------------------------------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(value = Source.class, names = {"STREET_CENTRE", "SERVICE_COMMISSIONER"})
    void anOfflineAppealWithinAStreetsRemitGoesToTheEnterprisesStreet(Source source) {
        RoutingDecision.Assign assign = (RoutingDecision.Assign) RULES.route(
                facts("OTHER", "ST-NX", Urgency.NORMAL, source, false, "一般咨询"), Set.of());

        assertThat(assign.lead()).isEqualTo("ST-NX");
        assertThat(assign.decidedBy()).isEqualTo("rule:jurisdiction:offline");
        assertThat(assign.reason()).contains("南翔镇").contains(source.name());
    }

    @Test
    void anOfflineAppealOfADistrictLedCategoryStillGoesToItsDepartment() {
        RoutingDecision.Assign assign = (RoutingDecision.Assign) RULES.route(
                facts("TAX", "ST-NX", Urgency.NORMAL, Source.STREET_CENTRE, false, "退税"), Set.of());

        assertThat(assign.lead()).isEqualTo("JD-SWJ");
    }

    @Test
    void anOnlineAppealOfTheCatchAllCategoryStillGoesToTriage() {
        assertThat(RULES.route(facts("OTHER", "ST-NX", Urgency.NORMAL, Source.ONLINE_PORTAL, false, ""), Set.of()))
                .isInstanceOf(RoutingDecision.Triage.class);
    }

    // --- matching on every criterion ---------------------------------------------------------------------------

    @Test
    void aRuleMatchesOnlyWhenEveryCriterionItGivesHolds() {
        Match match = new Match(List.of("TAX"), List.of("ST-AT"), List.of(Urgency.URGENT), List.of(Source.HOTLINE_12345),
                true, List.of("退税", "留抵"));
        AppealFacts fits = facts("TAX", "ST-AT", Urgency.URGENT, Source.HOTLINE_12345, true, "增值税留抵怎么办");

        assertThat(match.matches(fits)).isTrue();
        assertThat(match.matches(facts("LAND", "ST-AT", Urgency.URGENT, Source.HOTLINE_12345, true, "留抵"))).isFalse();
        assertThat(match.matches(facts("TAX", "ST-ML", Urgency.URGENT, Source.HOTLINE_12345, true, "留抵"))).isFalse();
        assertThat(match.matches(facts("TAX", "ST-AT", Urgency.NORMAL, Source.HOTLINE_12345, true, "留抵"))).isFalse();
        assertThat(match.matches(facts("TAX", "ST-AT", Urgency.URGENT, Source.ONLINE_PORTAL, true, "留抵"))).isFalse();
        assertThat(match.matches(facts("TAX", "ST-AT", Urgency.URGENT, Source.HOTLINE_12345, false, "留抵"))).isFalse();
        assertThat(match.matches(facts("TAX", "ST-AT", Urgency.URGENT, Source.HOTLINE_12345, true, "发票"))).isFalse();
    }

    @Test
    void anEmptyMatchMatchesEveryAppealAndKeyEnterpriseFalseOnlyTheOthers() {
        assertThat(Match.ANY.matches(facts(null, null, Urgency.NORMAL, Source.ONLINE_PORTAL, true, ""))).isTrue();
        Match others = new Match(null, null, null, null, false, null);
        assertThat(others.matches(facts("TAX", null, Urgency.NORMAL, Source.ONLINE_PORTAL, false, ""))).isTrue();
        assertThat(others.matches(facts("TAX", null, Urgency.NORMAL, Source.ONLINE_PORTAL, true, ""))).isFalse();
    }

    @Test
    void theMatchingRuleOfLowestPriorityWinsWhateverTheOrderTheyAreListedIn() {
        RoutingRules rules = RoutingRules.candidate(List.of(
                rule("late", 50, Match.categories(List.of("TAX")), "JD-SWJ", List.of()),
                rule("key-tax", 20, new Match(List.of("TAX"), null, null, null, true, null), "JD-JW", List.of("JD-SWJ")),
                rule("urgent", 30, new Match(null, null, List.of(Urgency.URGENT), null, null, null), "JD-YJGL",
                        List.of())), REFERENCE);

        RoutingDecision.Assign key = (RoutingDecision.Assign) rules.route(
                facts("TAX", null, Urgency.URGENT, Source.HOTLINE_12345, true, ""), Set.of());
        assertThat(key.ruleId()).isEqualTo("key-tax");
        assertThat(key.ruleVersion()).isEqualTo(RoutingRules.CANDIDATE);
        assertThat(key.reason()).contains("a key enterprise");
        assertThat(((RoutingDecision.Assign) rules.route(
                facts("TAX", null, Urgency.URGENT, Source.HOTLINE_12345, false, ""), Set.of())).ruleId())
                .isEqualTo("urgent");
        assertThat(((RoutingDecision.Assign) rules.route(
                facts("TAX", null, Urgency.NORMAL, Source.HOTLINE_12345, false, ""), Set.of())).ruleId())
                .isEqualTo("late");
    }

    @Test
    void aKeywordRuleNamesTheKeywordItFoundInItsReason() {
        RoutingRules rules = RoutingRules.candidate(List.of(rule("ip", 1,
                new Match(null, null, null, null, null, List.of("专利", "商标")), "JD-SCJG", List.of())), REFERENCE);

        RoutingDecision.Assign assign = (RoutingDecision.Assign) rules.route(
                facts("INNOVATION", null, Urgency.NORMAL, Source.ONLINE_PORTAL, false, "商标被抢注"), Set.of());
        assertThat(assign.lead()).isEqualTo("JD-SCJG");
        assertThat(assign.reason()).contains("keyword 商标");
    }

    @Test
    void aDepartmentThatReturnedTheAppealIsPassedOverForTheNextMatchingRule() {
        RoutingRules rules = RoutingRules.candidate(List.of(
                rule("first", 1, Match.categories(List.of("TAX")), "JD-SWJ", List.of()),
                rule("second", 2, Match.categories(List.of("TAX")), "JD-CZ", List.of())), REFERENCE);
        AppealFacts tax = facts("TAX", null, Urgency.NORMAL, Source.HOTLINE_12345, false, "");

        assertThat(((RoutingDecision.Assign) rules.route(tax, Set.of("JD-SWJ"))).ruleId()).isEqualTo("second");
        RoutingDecision both = rules.route(tax, Set.of("JD-SWJ", "JD-CZ"));
        assertThat(both).isInstanceOf(RoutingDecision.Triage.class);
        assertThat(both.reason()).contains("has returned the appeal").contains("first").contains("second");
    }

    @Test
    void aStreetThatReturnedTheAppealIsPassedOverToo() {
        RoutingDecision decision = RULES.route(facts("NEIGHBORHOOD", "ST-AT", Urgency.NORMAL, Source.HOTLINE_12345,
                false, ""), Set.of("ST-AT"));

        assertThat(decision).isInstanceOf(RoutingDecision.Triage.class);
    }

    // --- validation ----------------------------------------------------------------------------------------------

    @Test
    void validationNamesEveryBrokenFieldByItsPath() {
        List<RoutingRule> rules = List.of(
                rule("a", 1, Match.categories(List.of("TAX")), "JD-SWJ", List.of()),
                rule("a", 2, new Match(List.of("NOPE"), List.of("JD-SWJ"), null, null, null, List.of(" ")), "JD-XX",
                        List.of("ST-AT", "ST-AT", "JD-ZZ")),
                rule("bad id!", 3, null, null, List.of()),
                rule("self", 4, null, "JD-KW", List.of("JD-KW")));

        List<FieldProblem> problems = RuleValidation.problems("rules", rules, REFERENCE);

        assertThat(problems).extracting(FieldProblem::field).containsExactlyInAnyOrder(
                "rules[1].id", "rules[1].lead", "rules[1].coHandlers[1]", "rules[1].coHandlers[2]",
                "rules[1].match.categories[0]", "rules[1].match.streets[0]", "rules[1].match.keywords[0]",
                "rules[2].id", "rules[2].lead", "rules[3].coHandlers[0]");
        assertThat(problems).filteredOn(p -> p.field().equals("rules[1].id")).extracting(FieldProblem::message)
                .containsExactly("repeats the id of rules[0]");
    }

    @Test
    void aStreetLeadIsValidAndAnEmptyRuleSetIsNot() {
        assertThat(RuleValidation.problems("rules", List.of(rule("s", 1, null, "STREET", List.of())), REFERENCE))
                .isEmpty();
        assertThat(RuleValidation.problems("rules", List.of(), REFERENCE)).extracting(FieldProblem::field)
                .containsExactly("rules");
    }

    // --- what-if -------------------------------------------------------------------------------------------------

    @Test
    void whatIfCountsChangedLeadsByMoveAndHowManyOfThemWereReturnedOrReopened() {
        // The candidate sends tax to 区财政局 and unclassified appeals to 区经委 instead of triage.
        RoutingRules candidate = RoutingRules.candidate(List.of(
                rule("tax", 1, Match.categories(List.of("TAX")), "JD-CZ", List.of()),
                rule("land", 2, Match.categories(List.of("LAND")), "JD-GHZY", List.of())), REFERENCE);
        List<PastRouting> past = List.of(
                past("TAX", "JD-SWJ", true, false),
                past("TAX", "JD-SWJ", false, true),
                past("TAX", "JD-SWJ", false, false),
                past("LAND", "JD-GHZY", true, true),
                past("FINANCING", "JD-JW", true, false),
                past(null, null, false, false));
        Instant from = Instant.parse("2026-03-01T00:00:00Z");
        Instant to = Instant.parse("2026-03-31T00:00:00Z");

        WhatIf report = WhatIf.replay(from, to, past, candidate);

        assertThat(report.from()).isEqualTo(from);
        assertThat(report.to()).isEqualTo(to);
        assertThat(report.replayed()).isEqualTo(6);
        assertThat(report.unchanged()).isEqualTo(2);
        assertThat(report.changed()).isEqualTo(4);
        assertThat(report.changedReturned()).isEqualTo(2);
        assertThat(report.changedReopened()).isEqualTo(1);
        assertThat(report.toTriage()).isEqualTo(2);
        assertThat(report.moves()).containsExactly(
                new WhatIf.Move("JD-SWJ", "JD-CZ", 3, 1, 1),
                new WhatIf.Move("JD-JW", WhatIf.TRIAGE, 1, 1, 0));
    }

    @Test
    void whatIfOfTheSameRulesChangesNothing() {
        List<PastRouting> past = List.of(past("TAX", "JD-SWJ", true, false), past("OTHER", null, false, true));

        WhatIf report = WhatIf.replay(Instant.EPOCH, Instant.now(), past, RULES);

        assertThat(report.changed()).isZero();
        assertThat(report.unchanged()).isEqualTo(2);
        assertThat(report.moves()).isEmpty();
    }

    // --- helpers -------------------------------------------------------------------------------------------------

    private static RoutingDecision route(RoutingRules rules, String category, String street) {
        return rules.route(facts(category, street, Urgency.NORMAL, Source.HOTLINE_12345, false, "标题\n内容"), Set.of());
    }

    private static AppealFacts facts(String category, String street, Urgency urgency, Source source,
                                     boolean keyEnterprise, String text) {
        return new AppealFacts(category, street, urgency, source, keyEnterprise, text);
    }

    private static RoutingRule rule(String id, int priority, Match match, String lead, List<String> coHandlers) {
        return new RoutingRule(id, priority, match, lead, coHandlers, null);
    }

    private static PastRouting past(String category, String firstLead, boolean returned, boolean reopened) {
        return new PastRouting(java.util.UUID.randomUUID().toString(),
                facts(category, "ST-AT", Urgency.NORMAL, Source.HOTLINE_12345, false, ""), firstLead, 1, returned,
                reopened, Instant.parse("2026-03-02T00:00:00Z"));
    }
}
