package gov.appeals.intake.acceptance;

import java.util.regex.Pattern;

/** Contact numbers intake accepts: a mainland mobile number or a landline with its area code (021-12345678). */
public final class PhoneNumber {

    private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");
    private static final Pattern LANDLINE = Pattern.compile("0\\d{2,3}-\\d{7,8}");

    private PhoneNumber() {
    }

    public static boolean isValid(String phone) {
        return phone != null && (MOBILE.matcher(phone).matches() || LANDLINE.matcher(phone).matches());
    }

    /** 130****6871: enough to recognise a number, not enough to call it (phone numbers are masked in views). */
    public static String mask(String phone) {
        if (phone == null || phone.length() < 8) {
            return phone;
        }
        int keepEnd = 4;
        int keepStart = 3;
        return phone.substring(0, keepStart) + "*".repeat(phone.length() - keepStart - keepEnd)
                + phone.substring(phone.length() - keepEnd);
    }
}
