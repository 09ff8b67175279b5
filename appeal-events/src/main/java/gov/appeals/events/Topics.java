package gov.appeals.events;

/**
 * Kafka topics, named by stream (never by department or Java class). The record key is always the appeal id, so
 * all events of one appeal stay ordered within a topic.
 */
public final class Topics {

    /** {@link AppealAccepted}: intake has accepted, numbered and classified an appeal. */
    public static final String ACCEPTED = "appeals.accepted";

    /** {@link AppealAssigned} and {@link AppealSentToTriage}: the routing decision for an appeal. */
    public static final String ASSIGNED = "appeals.assigned";

    /** Every later stage change: signed, responded, rated, reopened, closed. */
    public static final String LIFECYCLE = "appeals.lifecycle";

    private Topics() {
    }

    /**
     * The dead-letter topic of one consumer group, e.g. {@code appeals.dispatch-service.dlq}: a message that still
     * fails after the binder's retries lands there with its error and original topic in headers, for replay.
     */
    public static String dlqFor(String consumerGroup) {
        return "appeals." + consumerGroup + ".dlq";
    }
}
