package gov.appeals.events;

import java.time.Instant;

/**
 * The clocks of one appeal (DESIGN.md §1). A null field means "no such clock" (a reopened appeal has no
 * first-contact deadline).
 *
 * @param signBy         sign for (签收) by
 * @param firstContactBy first contact with the enterprise by
 * @param answerBy       answer (反馈) by
 */
public record Deadlines(Instant signBy, Instant firstContactBy, Instant answerBy) {
}
