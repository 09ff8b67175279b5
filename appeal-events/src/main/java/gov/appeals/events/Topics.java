package gov.appeals.events;

/**
 * The Kafka topic every event goes to. One topic keyed by the appeal id puts all events of one appeal on one
 * partition in the order they were published, and since every stage change is caused by the one before it, a
 * producer publishes it only after the event that caused it: every consumer sees an appeal's events in the order
 * they happened, and picks the types it needs. Dead letters: one topic per consumer group,
 * {@code appeals.<group>.dlq}.
 */
public final class Topics {

    public static final String EVENTS = "appeals.events";

    private Topics() {
    }
}
