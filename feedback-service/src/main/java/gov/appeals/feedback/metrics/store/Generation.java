package gov.appeals.feedback.metrics.store;

import java.time.Instant;

/**
 * Which set of rows readers and writers use, and whether a rebuild is making the next one.
 *
 * @param rebuildingUntil while a rebuild runs, the time after which it counts as abandoned (a crashed rebuild must
 *                        not hold the events up for ever); null when none runs
 */
record Generation(long generation, Instant rebuildingUntil) {

    boolean rebuildingAt(Instant now) {
        return rebuildingUntil != null && now.isBefore(rebuildingUntil);
    }
}
