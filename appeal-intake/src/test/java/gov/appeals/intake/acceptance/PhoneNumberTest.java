package gov.appeals.intake.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PhoneNumberTest {

    @Test
    void acceptsMobileAndLandlineNumbers() {
        assertThat(PhoneNumber.isValid("13078106871")).isTrue();
        assertThat(PhoneNumber.isValid("19912345678")).isTrue();
        assertThat(PhoneNumber.isValid("021-12345678")).isTrue();
        assertThat(PhoneNumber.isValid("0571-8765432")).isTrue();
    }

    @Test
    void rejectsNumbersThatCannotBeDialled() {
        assertThat(PhoneNumber.isValid("12078106871")).isFalse();
        assertThat(PhoneNumber.isValid("1307810687")).isFalse();
        assertThat(PhoneNumber.isValid("130781068712")).isFalse();
        assertThat(PhoneNumber.isValid("02112345678")).isFalse();
        assertThat(PhoneNumber.isValid("+8613078106871")).isFalse();
        assertThat(PhoneNumber.isValid(null)).isFalse();
    }

    @Test
    void masksTheMiddleOfANumber() {
        assertThat(PhoneNumber.mask("13078106871")).isEqualTo("130****6871");
        assertThat(PhoneNumber.mask("021-12345678")).isEqualTo("021*****5678");
    }
}
