package gov.appeals.dispatch.queue.service;

/** Someone changed the assignment between reading and writing it; the action is decided again on fresh state. */
final class ConcurrentChangeException extends RuntimeException {
    ConcurrentChangeException() {
        super("assignment changed concurrently", null, false, false);
    }
}
