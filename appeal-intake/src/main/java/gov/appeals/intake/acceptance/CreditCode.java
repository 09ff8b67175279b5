package gov.appeals.intake.acceptance;

/**
 * The unified social credit code (统一社会信用代码) of GB 32100-2015: 18 characters from a 31-character alphabet
 * (no I, O, S, V, Z), the last one a check character over the first 17.
 */
public final class CreditCode {

    private static final String CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    private static final int LENGTH = 18;

    private CreditCode() {
    }

    public static boolean isValid(String code) {
        if (code == null || code.length() != LENGTH) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < LENGTH - 1; i++) {
            int value = CHARSET.indexOf(code.charAt(i));
            if (value < 0) {
                return false;
            }
            sum += value * WEIGHTS[i];
        }
        int check = CHARSET.indexOf(code.charAt(LENGTH - 1));
        return check >= 0 && check == checkValue(sum);
    }

    /** The check character the standard expects after these 17 characters (for tests and fixtures). */
    public static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < LENGTH - 1; i++) {
            sum += CHARSET.indexOf(first17.charAt(i)) * WEIGHTS[i];
        }
        return CHARSET.charAt(checkValue(sum));
    }

    private static int checkValue(int sum) {
        int check = 31 - sum % 31;
        return check == 31 ? 0 : check;
    }
}
