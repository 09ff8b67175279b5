package gov.appeals.intake.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CreditCodeTest {

    @Test
    void acceptsEverySampleEnterprisesCode() {
        assertThat(SampleAppeals.all())
                .hasSize(40)
                .allSatisfy(s -> assertThat(CreditCode.isValid(s.get("enterprise").get("creditCode").asString()))
                        .as(s.get("enterprise").get("creditCode").asString()).isTrue());
    }

    @Test
    void rejectsAWrongCheckCharacter() {
        String valid = "91310114CL12TH3B1T";
        assertThat(CreditCode.isValid(valid)).isTrue();
        assertThat(CreditCode.isValid(valid.substring(0, 17) + "U")).isFalse();
    }

    @Test
    void rejectsLettersOutsideTheAlphabetAndWrongLengths() {
        String withI = "91310114CL12TH3BI";
        assertThat(CreditCode.isValid(withI + CreditCode.checkCharacter(withI.replace('I', '1')))).isFalse();
        assertThat(CreditCode.isValid("91310114CL12TH3B1")).isFalse();
        assertThat(CreditCode.isValid("91310114cl12th3b1t")).isFalse();
        assertThat(CreditCode.isValid(null)).isFalse();
    }

    @Test
    void computesACheckCharacterOfZeroWhenTheRemainderIsZero() {
        String first17 = "00000000000000000";
        assertThat(CreditCode.checkCharacter(first17)).isEqualTo('0');
        assertThat(CreditCode.isValid(first17 + "0")).isTrue();
    }
}
