package gov.appeals.dispatch.queue.web;

import java.time.Instant;
import java.util.List;

import gov.appeals.dispatch.queue.Assignment;
import gov.appeals.dispatch.queue.QueueEntry;
import gov.appeals.dispatch.queue.QueueRole;
import gov.appeals.events.AppealStatus;
import gov.appeals.events.Deadlines;
import gov.appeals.events.Urgency;

/**
 * One appeal in a unit's queue, as staff see it (the phone is masked).
 *
 * @param repeatOf the appeal this one repeats (重复件: the same enterprise raising the same problem again), null when
 *                 none: the lead sees at a glance that it is answering the same problem twice
 */
public record QueueItem(String id, String number, String title, AppealStatus status, QueueRole role, String category,
                        Urgency urgency, String street, EnterpriseView enterprise, String leadDepartment,
                        List<String> coHandlers, Deadlines deadlines, Instant nextDeadline, String decidedBy,
                        String reason, String repeatOf) {

    public record EnterpriseView(String name, String phone) {
    }

    static QueueItem of(QueueEntry entry) {
        Assignment a = entry.assignment();
        return new QueueItem(a.appealId(), a.appeal().number(), a.title(), a.status(), entry.role(), a.category(),
                a.urgency(), a.street(), new EnterpriseView(a.enterpriseName(), a.enterprisePhone()), a.lead(),
                a.coHandlers(), a.deadlines(), a.nextDeadline(), a.decidedBy(), a.reason(), a.repeatOf());
    }
}
