package gov.appeals.events;

/** The enterprise that raised the appeal. {@code creditCode} is the 18-character unified social credit code. */
public record Enterprise(String name, String creditCode, String contactName, String phone) {
}
