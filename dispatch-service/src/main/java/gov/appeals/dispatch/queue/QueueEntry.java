package gov.appeals.dispatch.queue;

/** An assignment as one unit sees it in its queue. */
public record QueueEntry(Assignment assignment, QueueRole role) {
}
