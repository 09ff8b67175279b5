package gov.appeals.intake.appeal;

import java.util.List;

import gov.appeals.events.AppealAccepted;
import gov.appeals.events.AppealAssigned;
import gov.appeals.events.AppealDueSoon;
import gov.appeals.events.AppealOverdue;
import gov.appeals.events.CoHandlerInputPosted;
import gov.appeals.events.ConsultationAnswered;
import gov.appeals.events.ConsultationRequested;
import gov.appeals.events.ExtensionDecided;
import gov.appeals.events.ExtensionRequested;
import gov.appeals.events.HotspotFormed;
import gov.appeals.events.SupervisionOrderClosed;
import gov.appeals.events.SupervisionOrderRaised;
import gov.appeals.events.AppealEvent;
import gov.appeals.events.AppealRated;
import gov.appeals.events.AppealReopened;
import gov.appeals.events.AppealResponded;
import gov.appeals.events.AppealSentToTriage;
import gov.appeals.events.Deadlines;

/** The stage each event of the contract records. */
public final class Stages {

    private Stages() {
    }

    /** @param triageUnit the unit a triage stage names when the event does not say */
    public static Stage of(AppealEvent event, String triageUnit) {
        String note = TimelineNotes.of(event);
        Stage plain = Stage.plain(event.eventId(), event.version(), event.status(), event.occurredAt(), event.actor(),
                event.department(), note);
        if (event instanceof AppealAccepted e) {
            return with(plain, null, List.of(), e.category(), e.deadlines(), null, null);
        }
        if (event instanceof AppealAssigned e) {
            return with(plain, e.department(), e.coHandlers(), e.category(), e.deadlines(), null, null);
        }
        if (event instanceof AppealSentToTriage e) {
            return with(plain, e.department() == null ? triageUnit : e.department(), List.of(), null, e.deadlines(),
                    null, null);
        }
        if (event instanceof AppealResponded e) {
            return with(plain, null, List.of(), null, null,
                    new Stage.Answer(e.result(), e.text(), e.department(), e.occurredAt()), null);
        }
        if (event instanceof AppealRated e) {
            return with(plain, null, List.of(), null, null, null,
                    new Stage.RatingGiven(e.rating(), e.resolved(), e.comment(), e.occurredAt()));
        }
        if (event instanceof AppealReopened e) {
            return with(plain, null, List.of(), null, e.deadlines(), null, null);
        }
        if (event instanceof ExtensionDecided e && e.approved()) {
            return with(plain, null, List.of(), null, e.deadlines(), null, null);
        }
        if (event instanceof AppealDueSoon e) {
            return alarm(plain, new Stage.Alarm(e.clock(), false, e.deadline()));
        }
        if (event instanceof AppealOverdue e) {
            return alarm(plain, new Stage.Alarm(e.clock(), true, e.deadline()));
        }
        if (event instanceof SupervisionOrderRaised || event instanceof SupervisionOrderClosed
                || event instanceof ExtensionRequested || event instanceof ExtensionDecided
                || event instanceof HotspotFormed || event instanceof CoHandlerInputPosted
                || event instanceof ConsultationRequested || event instanceof ConsultationAnswered) {
            return new Stage(plain.eventId(), plain.version(), plain.status(), plain.at(), plain.actor(),
                    plain.department(), plain.note(), null, List.of(), null, null, null, null, null, true);
        }
        return plain;
    }

    private static Stage alarm(Stage s, Stage.Alarm alarm) {
        return new Stage(s.eventId(), s.version(), s.status(), s.at(), s.actor(), s.department(), s.note(), null,
                List.of(), null, null, null, null, alarm, false);
    }

    private static Stage with(Stage s, String lead, List<String> coHandlers, String category,
                              Deadlines deadlines, Stage.Answer answer, Stage.RatingGiven rating) {
        return new Stage(s.eventId(), s.version(), s.status(), s.at(), s.actor(), s.department(), s.note(), lead,
                coHandlers, category, deadlines, answer, rating, null, false);
    }
}
