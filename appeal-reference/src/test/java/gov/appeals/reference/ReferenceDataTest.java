package gov.appeals.reference;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import gov.appeals.events.Urgency;

class ReferenceDataTest {

    private final ReferenceData reference = ReferenceData.bundled();

    @Test
    void loadsDepartmentsStreetsAndTheTriageUnit() {
        assertThat(reference.triageUnit().code()).isEqualTo("JD-JW");
        assertThat(reference.streets()).hasSize(12);
        assertThat(reference.unit("ST-AT")).hasValueSatisfying(u -> assertThat(u.level()).isEqualTo(Department.Level.STREET));
        assertThat(reference.unit("JD-NOPE")).isEmpty();
    }

    @Test
    void loadsCategoriesInFileOrderWithRouting() {
        assertThat(reference.categories().get(0).code()).isEqualTo("FINANCING");
        assertThat(reference.category("SAFETY")).hasValueSatisfying(c -> assertThat(c.urgency()).isEqualTo(Urgency.URGENT));
        assertThat(reference.category("NEIGHBORHOOD")).hasValueSatisfying(c -> assertThat(c.ledByStreet()).isTrue());
        assertThat(reference.urgentKeywords()).contains("停产", "欠薪");
    }
}
