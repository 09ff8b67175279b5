package gov.appeals.kit.messaging;

import java.util.Optional;

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
}
