package gov.appeals.notification.inbox;

/**
 * What the inbox remembers of an appeal to word its items: the title (from its acceptance) and the lead (from its
 * latest assignment). Either may be null when that event has not been seen.
 */
public record AppealFacts(String appealId, String title, String lead) {

    public static AppealFacts none(String appealId) {
        return new AppealFacts(appealId, null, null);
    }
}
