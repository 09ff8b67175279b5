package gov.appeals.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import gov.appeals.reference.ReferenceData;

class DemoUsersTest {

    private final ReferenceData reference = ReferenceData.bundled();
    private final DemoUsers users = DemoUsers.from(reference);

    @Test
    void everyUnitHasAClerkAndAHead() {
        assertThat(users.all()).hasSize(2 * reference.units().size() + 3);
        assertThat(users.find("clerk-JD-SWJ")).contains(new DemoUser("clerk-JD-SWJ", "JD-SWJ",
                java.util.List.of("CLERK"), "区税务局 科员"));
        assertThat(users.find("head-ST-XH").orElseThrow().roles()).containsExactly("CLERK", "HEAD");
    }

    @Test
    void theTriagerWorksForTheTriageUnitAndTheDistrictRolesForNoUnit() {
        assertThat(users.find("triager").orElseThrow().department()).isEqualTo(reference.triageUnit().code());
        assertThat(users.find("triager").orElseThrow().name()).isEqualTo(reference.triageUnit().name() + " 分派员");
        assertThat(users.find("supervisor").orElseThrow().departmentCode()).isEmpty();
        assertThat(users.find("operator").orElseThrow().roles()).containsExactly("OPERATOR");
        assertThat(users.find("nobody")).isEmpty();
    }
}
