package gov.appeals.dispatch.queue.web;

import java.time.Instant;
import java.util.List;

import gov.appeals.dispatch.queue.Assignment;
import gov.appeals.dispatch.queue.Trail;
import gov.appeals.events.AppealStatus;
import gov.appeals.events.Deadlines;
import gov.appeals.events.Source;
import gov.appeals.events.Urgency;

/**
 * One appeal with everything departments did with it: what the lead reads before answering (every co-handler's
 * input), what a department reads before returning or transferring it, what the triage unit reads before deciding
 * (the consulted departments' answers), and the appeal it repeats (重复件) if any. The phone is masked.
 */
public record AppealDetail(String id, String number, Source source, String title, String content,
                           AppealStatus status, String category, Urgency urgency, String street,
                           QueueItem.EnterpriseView enterprise, String leadDepartment, List<String> coHandlers,
                           String triageUnit, Deadlines deadlines, Instant nextDeadline, String decidedBy,
                           Integer ruleVersion, String reason, String signedBy, List<Trail.Returned> returns,
                           List<Trail.Transfer> transfers, List<Trail.Input> inputs,
                           List<Trail.Consultation> consultations, String repeatOf) {

    static AppealDetail of(Assignment a) {
        Trail t = a.trail();
        return new AppealDetail(a.appealId(), a.appeal().number(), a.appeal().source(), a.title(), a.content(),
                a.status(), a.category(), a.urgency(), a.street(),
                new QueueItem.EnterpriseView(a.enterpriseName(), a.enterprisePhone()), a.lead(), a.coHandlers(),
                a.triageUnit(), a.deadlines(), a.nextDeadline(), a.decidedBy(), a.ruleVersion(), a.reason(),
                a.signedBy(), t.returns(), t.transfers(), t.inputs(), t.consultations(), a.repeatOf());
    }
}
