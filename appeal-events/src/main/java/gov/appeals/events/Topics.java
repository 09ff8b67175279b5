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

    /** Suffix of the dead-letter topic that receives what a consumer group could not process after retries. */
    public static final String DLQ_SUFFIX = ".dlq";

    private Topics() {
    }

    public static String dlqOf(String topic, String consumerGroup) {
        return topic + "." + consumerGroup + DLQ_SUFFIX;
    }
}
