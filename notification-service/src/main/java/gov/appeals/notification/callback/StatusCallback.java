package gov.appeals.notification.callback;

import java.time.Instant;
import java.util.Map;

import gov.appeals.events.AppealStatus;

/**
 * What the 12345 system is told about one stage change of one of its work orders ({@code externalId}).
 *
 * @param type   the CloudEvents type of the event that caused it
 * @param stage  the stage as 12345 operators read it (已受理, 已分派, ...)
 * @param detail what is particular to the stage (lead department and deadlines, the answer, the rating ...)
 * @param leadDepartment     the department leading the appeal at this stage (its code), null before it is assigned
 *                           or while it waits in triage
 * @param leadDepartmentName that department's name as the reference data gives it (区税务局 …)
 */
public record StatusCallback(String eventId, String type, String appealId, String number, String externalId,
                             AppealStatus status, String stage, Instant occurredAt, int version, String department,
                             String actor, Map<String, Object> detail, String leadDepartment,
                             String leadDepartmentName) {
}
