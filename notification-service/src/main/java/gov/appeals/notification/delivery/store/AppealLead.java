package gov.appeals.notification.delivery.store;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The department leading one appeal ({@code _id} = the appeal id), learned from its events, which each callback
 * names: the one thing about an appeal a callback needs that its own event does not carry. What became of each
 * event is not kept here but in the notice ledger.
 *
 * @param lead null before the appeal is assigned and while it is in triage
 */
@Document(AppealLead.COLLECTION)
public record AppealLead(@Id String appealId, String lead) {

    /**
     * Named for what it used to hold as well (each event's outcome, now in the notice ledger), and kept so, because
     * the appeals already in it keep their lead; the fields it no longer reads are left alone.
     */
    public static final String COLLECTION = "appeal_deliveries";
}
