package gov.appeals.dispatch.queue.service;

import gov.appeals.dispatch.queue.Assignment;
import gov.appeals.dispatch.queue.QueueRole;

/** An assignment as one unit sees it in its queue. */
public record QueueEntry(Assignment assignment, QueueRole role) {
}
