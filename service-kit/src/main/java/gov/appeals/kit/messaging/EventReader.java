package gov.appeals.kit.messaging;

import java.util.Optional;

import org.slf4j.LoggerFactory;

/**
 * Turns a record's CloudEvents type and payload into the contract's event.
 *
 * @param <T> the contract's event type
 */
@FunctionalInterface
public interface EventReader<T> {

    /**
     * @return the event, or empty for a type this contract does not know (a newer producer's: skipped, not failed)
     * @throws IllegalArgumentException when a known type's payload does not read (never succeeds: dead-lettered)
     */
    Optional<T> read(String type, byte[] payload);

    /**
     * {@code reader} for a further consumer group of a service whose main binding reads the same topic: a record that
     * does not read is skipped (and logged) rather than dead-lettered. The main binding dead-letters it once, and a
     * replay of that letter reaches every group; a letter per group would have operators replay one record twice.
     */
    static <T> EventReader<T> skippingUnreadable(EventReader<T> reader) {
        return (type, payload) -> {
            try {
                return reader.read(type, payload);
            } catch (IllegalArgumentException unreadable) {
                LoggerFactory.getLogger(EventReader.class).warn(
                        "Skipped an unreadable {} record (the service's main binding dead-letters it): {}", type,
                        unreadable.getMessage());
                return Optional.empty();
            }
        };
    }
}
