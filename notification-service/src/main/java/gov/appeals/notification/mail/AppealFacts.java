package gov.appeals.notification.mail;

import java.time.Instant;

import gov.appeals.events.AppealAccepted;
import gov.appeals.events.AppealAssigned;
import gov.appeals.events.AppealEvent;
import gov.appeals.events.ExtensionDecided;

/**
 * What mail needs to know about an appeal that not every event carries, kept from its acceptance and assignment.
 *
 * @param number   the human-readable number; null until known
 * @param title    the title from the acceptance; null until known
 * @param lead     the lead department from the latest assignment; null until assigned
 * @param answerBy the answer deadline as last known; null until known
 */
public record AppealFacts(String appealId, String number, String title, String lead, Instant answerBy) {

    public static AppealFacts unknown(String appealId) {
        return new AppealFacts(appealId, null, null, null, null);
    }

    /** The facts once the event happened: an acceptance brings number, title and deadline, an assignment the lead. */
    public AppealFacts after(AppealEvent event) {
        String number = event.appeal().number() != null ? event.appeal().number() : this.number;
        if (event instanceof AppealAccepted a) {
            return new AppealFacts(appealId, number, a.title(),  lead,
                    a.deadlines() == null ? answerBy : a.deadlines().answerBy());
        }
        if (event instanceof AppealAssigned a) {
            return new AppealFacts(appealId, number, title, a.department(),
                    a.deadlines() == null || a.deadlines().answerBy() == null ? answerBy : a.deadlines().answerBy());
        }
        if (event instanceof ExtensionDecided x && x.approved() && x.deadlines() != null
                && x.deadlines().answerBy() != null) {
            return new AppealFacts(appealId, number, title, lead, x.deadlines().answerBy());
        }
        return new AppealFacts(appealId, number, title, lead, answerBy);
    }
}
