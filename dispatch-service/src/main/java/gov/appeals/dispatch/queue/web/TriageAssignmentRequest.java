package gov.appeals.dispatch.queue.web;

import java.util.List;

/**
 * @param lead       unit code of the lead department or street/town
 * @param coHandlers unit codes of co-handlers, optional
 * @param reason     why this lead, required
 */
public record TriageAssignmentRequest(String lead, List<String> coHandlers, String reason) {
}
