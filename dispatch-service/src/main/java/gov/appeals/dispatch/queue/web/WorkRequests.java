package gov.appeals.dispatch.queue.web;

import java.util.List;

/** The bodies of the department work endpoints (strictly bound: unknown fields are refused). */
final class WorkRequests {

    private WorkRequests() {
    }

    /**
     * @param reason a {@link gov.appeals.events.ReturnReason} name
     * @param text   why, in words the next department and a supervisor can act on
     */
    record Return(String reason, String text) {
    }

    /** @param to the department taking the appeal over */
    record Transfer(String to, String reason) {
    }

    /** @param attachments references to files kept elsewhere (document ids or URLs), optional */
    record Input(String text, List<String> attachments) {
    }

    record Question(List<String> departments, String question) {
    }

    /** @param ours whether the appeal is within the department's remit */
    record Reply(Boolean ours, String text) {
    }
}
