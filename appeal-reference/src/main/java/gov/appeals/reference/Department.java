package gov.appeals.reference;

/**
 * A unit that can own appeals: a district department or a street/town service centre.
 *
 * @param role {@code TRIAGE} for the unit that decides what no rule routes (区经委), otherwise null
 */
public record Department(String code, String name, Level level, String role) {

    public enum Level { DISTRICT, STREET }

    public boolean isTriage() {
        return "TRIAGE".equals(role);
    }
}
