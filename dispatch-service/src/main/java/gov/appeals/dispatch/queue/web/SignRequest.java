package gov.appeals.dispatch.queue.web;

/** Optional body of a sign-for: who signed, recorded as the event's actor. */
public record SignRequest(String staff) {
}
