package gov.appeals.notification.sms;

import gov.appeals.events.Urgency;

/**
 * Whom to text about one appeal: the enterprise's contact number as intake accepted it (only the acceptance carries
 * it), the appeal's number and its urgency, kept so that later stages can text the same contact; and the
 * enterprise's unified social credit code, whose SMS preference decides (null for a contact kept before it was).
 */
public record SmsContact(String appealId, String phone, String number, Urgency urgency, String creditCode) {

    public SmsContact(String appealId, String phone, String number, Urgency urgency) {
        this(appealId, phone, number, urgency, null);
    }

    public boolean urgent() {
        return urgency == Urgency.URGENT;
    }

    /** The number as staff and logs may see it. */
    public String maskedPhone() {
        return mask(phone);
    }

    /** 130****6871: enough to recognise a number, not enough to call it. */
    public static String mask(String phone) {
        if (phone == null) {
            return null;
        }
        if (phone.length() < 8) {
            return "*".repeat(phone.length());
        }
        int keepStart = 3;
        int keepEnd = 4;
        return phone.substring(0, keepStart) + "*".repeat(phone.length() - keepStart - keepEnd)
                + phone.substring(phone.length() - keepEnd);
    }

    @Override
    public String toString() {
        return "SmsContact[" + appealId + ", " + maskedPhone() + ", " + number + ", " + urgency + ", " + creditCode
                + "]";
    }
}
