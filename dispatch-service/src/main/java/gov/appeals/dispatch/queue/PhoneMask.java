package gov.appeals.dispatch.queue;

/** Queues are read by many staff, so a contact phone never leaves dispatch unmasked (DESIGN.md §3). */
public final class PhoneMask {

    private PhoneMask() {
    }

    /** {@code 13078106871} → {@code 130****6871}; short numbers are masked entirely. */
    public static String mask(String phone) {
        if (phone == null || phone.isBlank()) {
            return null;
        }
        String digits = phone.strip();
        if (digits.length() < 8) {
            return "*".repeat(digits.length());
        }
        return digits.substring(0, 3) + "*".repeat(digits.length() - 7) + digits.substring(digits.length() - 4);
    }
}
